package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;
import org.hallway.api.entity.Status;
import org.junit.jupiter.api.Test;

/**
 * The kept JSON's key compares statuses field by field, spelled out (ADR 0078): it must tell apart two
 * statuses that differ in any one field, including fields added to {@link Status} later, and compare
 * by value, not by identity.
 */
class StatusJsonKeyTest {
    private static final RecordComponent[] FIELDS = Status.class.getRecordComponents();

    @Test
    void statusesWithEqualValuesAreTheSame() {
        assertThat(StatusJson.Key.sameValues(status(-1), status(-1))).isTrue();
    }

    @Test
    void statusesDifferingInAnyOneFieldAreNot() {
        var status = status(-1);
        for (int i = 0; i < FIELDS.length; i++) {
            var other = status(i);
            assertThat(StatusJson.Key.sameValues(status, other))
                    .as(FIELDS[i].getName())
                    .isFalse();
            assertThat(StatusJson.Key.sameValues(other, status))
                    .as(FIELDS[i].getName())
                    .isFalse();
        }
    }

    /** A status whose every field holds a value of its own instances, field {@code changed} another value. */
    private static Status status(int changed) {
        var values = new Object[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) values[i] = value(FIELDS[i].getType(), i == changed);
        return make(Status.class, values);
    }

    private static Object value(Class<?> type, boolean other) {
        if (type == boolean.class) return other;
        if (type == int.class) return other ? 2 : 1;
        // New instances each time: equal values must be found equal without being the same.
        if (type == String.class || type == Object.class) return other ? "other" : new String("same");
        if (type == List.class) return other ? List.of("other") : List.of(new String("same"));
        if (type == Status.class) return other ? status(-1) : null;
        if (type.isRecord()) return other ? record(type) : null;
        throw new IllegalStateException("No test value for a field of type " + type);
    }

    /** A record of {@code type} with every field at its type's plainest value. */
    private static Object record(Class<?> type) {
        var components = type.getRecordComponents();
        var values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            var t = components[i].getType();
            values[i] = t == boolean.class
                    ? false
                    : t == int.class ? 0 : t == List.class ? List.of() : t == String.class ? "" : null;
        }
        return make(type, values);
    }

    private static <T> T make(Class<T> type, Object[] values) {
        var types = new Class<?>[values.length];
        var components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

/**
 * The company network (the tenant): every colleague, post and feed belongs to exactly one. Owns the
 * {@code networks} table.
 */
package org.hallway.network;

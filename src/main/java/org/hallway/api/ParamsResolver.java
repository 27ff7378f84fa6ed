package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Builds {@link Params} from the request: query string first, then a JSON, form or multipart body. */
@Configuration(proxyBeanMethods = false)
class ParamsResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {
    private final ObjectMapper json;

    ParamsResolver(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Params.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web, WebDataBinderFactory binders)
            throws IOException {
        var request = web.getNativeRequest(HttpServletRequest.class);
        var params = Params.empty();
        // Form and multipart fields arrive through getParameterMap together with the query string.
        request.getParameterMap().forEach((name, values) -> {
            for (var v : values) params.add(name, v);
        });
        var type = request.getContentType();
        if (type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
            JsonNode body;
            try {
                body = json.readTree(request.getInputStream());
            } catch (tools.jackson.core.JacksonException e) {
                throw new MalformedBodyException();
            }
            if (body != null && body.isObject()) {
                for (var entry : body.properties()) flatten(params, entry.getKey(), entry.getValue());
            } else if (body != null && !body.isMissingNode() && !body.isNull()) {
                throw new MalformedBodyException();
            }
        }
        return params;
    }

    private static void flatten(Params params, String name, JsonNode node) {
        if (node.isArray()) {
            int i = 0;
            for (var item : node) {
                // Compat(mastodon): arrays of objects (fields_attributes) keep each object's position.
                flatten(params, item.isObject() ? name + "[" + i + "]" : name, item);
                i++;
            }
        } else if (node.isObject()) {
            for (var entry : node.properties()) flatten(params, name + "[" + entry.getKey() + "]", entry.getValue());
        } else if (!node.isNull()) {
            params.add(name, node.asString());
        }
    }

    /** The body claimed to be JSON but was not. */
    static class MalformedBodyException extends RuntimeException {
        MalformedBodyException() {
            super("The request body is not valid JSON");
        }
    }
}

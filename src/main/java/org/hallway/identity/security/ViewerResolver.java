package org.hallway.identity.security;

import java.util.List;
import org.hallway.identity.SignedIn;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take the signed-in colleague as a {@link Viewer} parameter. */
@Configuration(proxyBeanMethods = false)
class ViewerResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class || parameter.getParameterType() == SignedIn.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var signedIn = auth != null && auth.getPrincipal() instanceof SignedIn s ? s : null;
        if (parameter.getParameterType() == SignedIn.class) {
            if (signedIn == null && !parameter.isOptional())
                throw new InvalidInputException("This method requires an authenticated user");
            return signedIn;
        }
        var viewer = signedIn == null ? null : signedIn.viewer();
        if (viewer == null && !parameter.isOptional()) {
            throw new InvalidInputException("This method requires an authenticated user");
        }
        return viewer;
    }
}

package dev.switchyard.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.admin.SwitchyardPrincipal;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds what every page's layout needs: the signed-in user.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    /**
     * The current query string without the page number, for pagination links: empty, or
     * ending with {@code &}.
     * @param request the request
     * @return the query prefix
     */
    @ModelAttribute("pageQuery")
    String pageQuery(HttpServletRequest request) {
        StringBuilder query = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("_csrf")) {
                for (String value : values) {
                    query.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8))
                        .append('&');
                }
            }
        });
        return query.toString();
    }

    @ModelAttribute("me")
    SwitchyardPrincipal me() {
        return CurrentUser.get().orElse(null);
    }

}

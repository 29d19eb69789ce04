package org.polyphony.antennas;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyphony.web.LocalPath;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The time zone a reader chose to read meeting times in, kept in a cookie (a display preference, like the reading
 * of translations: no account needed, nothing stored on the server). Chosen with a plain GET form on the meeting
 * page; a tiny script may preselect the browser's own zone in that form, but only the reader's sending it counts.
 */
@Controller
class ReaderTimeZones {

    static final String COOKIE = "polyphony-time-zone";

    /** The zones offered: the IANA "Area/City" names (no Etc/ offsets, no old aliases such as US/Pacific). */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.matches(
                    "(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/\\-]+"))
            .sorted()
            .toList();

    private static final Set<String> KNOWN = Set.copyOf(ZONES);

    /** The zone the current reader chose, if any. */
    static Optional<ZoneId> current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        Cookie[] cookies = attributes.getRequest().getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return zone(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static Optional<ZoneId> zone(String id) {
        if (id == null || !KNOWN.contains(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    /** Keeps the chosen zone (or forgets it when none is chosen) and goes back to the page it was chosen on. */
    @GetMapping("/antennas/time-zone")
    String choose(
            @RequestParam(name = "zone", defaultValue = "") String zone,
            @RequestParam(name = "return", defaultValue = "/") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<ZoneId> chosen = zone(zone);
        String back = LocalPath.orHome(returnTo);
        if (chosen.isEmpty() && !zone.isBlank()) {
            return "redirect:" + back + (back.contains("?") ? "&" : "?") + "timeZone=unknown";
        }
        Cookie cookie = new Cookie(COOKIE, chosen.map(ZoneId::getId).orElse(""));
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(chosen.isPresent() ? 365 * 24 * 3600 : 0);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return "redirect:" + back;
    }
}

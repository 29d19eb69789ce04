package org.polyphony.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws an indicator's totals as an SVG line chart on the server: the baseline, each dated value, and the target
 * marked by a dashed line and a ring at its date. No script; the table beside it carries the same figures for
 * screen readers and for readers without images. Spring-free, so its geometry is tested on its own.
 */
final class IndicatorChart {

    static final int WIDTH = 600;
    static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 32;

    /** A point in the chart's own coordinates, for tests. */
    record Point(double x, double y) {}

    private IndicatorChart() {}

    /** The SVG of the chart; {@code title} and {@code targetLabel} are already in the reader's language. */
    static String svg(Indicator indicator, List<IndicatorValue> values, String title, String targetLabel) {
        List<IndicatorValue> totals =
                values.stream().filter(IndicatorValue::total).toList();
        Scale scale = Scale.of(indicator, totals);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"chart-title\" class=\"chart\">")
                .append("<title id=\"chart-title\">")
                .append(escape(title))
                .append("</title>");
        // axes
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "axis"))
                .append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "axis"));
        for (int year = scale.from.getYear(); year <= scale.to.getYear(); year += scale.yearStep()) {
            double x = scale.x(LocalDate.of(year, 1, 1));
            if (x >= LEFT) {
                svg.append(text(x, HEIGHT - BOTTOM + 18, String.valueOf(year), "middle"));
            }
        }
        svg.append(text(LEFT - 6, TOP + 10, format(scale.max), "end"))
                .append(text(LEFT - 6, HEIGHT - BOTTOM, "0", "end"));
        // the target: a dashed line at its value and a ring at its date
        double targetY = scale.y(indicator.targetValue());
        svg.append("<line class=\"target\" x1=\"")
                .append(f(LEFT))
                .append("\" y1=\"")
                .append(f(targetY))
                .append("\" x2=\"")
                .append(f(WIDTH - RIGHT))
                .append("\" y2=\"")
                .append(f(targetY))
                .append("\" stroke=\"#8a1c1c\" stroke-dasharray=\"6 4\"/>");
        Point target = new Point(scale.x(indicator.targetOn()), targetY);
        svg.append("<circle class=\"target\" cx=\"")
                .append(f(target.x()))
                .append("\" cy=\"")
                .append(f(target.y()))
                .append("\" r=\"6\" fill=\"none\" stroke=\"#8a1c1c\" stroke-width=\"2\"/>")
                .append(text(
                        Math.max(LEFT + 40, target.x() - 8),
                        targetY - 8,
                        targetLabel + " " + format(indicator.targetValue()),
                        "end"));
        List<Point> points = points(indicator, totals, scale);
        StringBuilder path = new StringBuilder();
        for (Point p : points) {
            path.append(path.isEmpty() ? "M" : " L")
                    .append(f(p.x()))
                    .append(' ')
                    .append(f(p.y()));
        }
        svg.append("<path class=\"series\" d=\"")
                .append(path)
                .append("\" fill=\"none\" stroke=\"#1a4f8b\" stroke-width=\"2\"/>");
        for (Point p : points) {
            svg.append("<circle class=\"value\" cx=\"")
                    .append(f(p.x()))
                    .append("\" cy=\"")
                    .append(f(p.y()))
                    .append("\" r=\"4\" fill=\"#1a4f8b\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** The baseline then each total value, in the chart's coordinates. */
    static List<Point> points(Indicator indicator, List<IndicatorValue> totals, Scale scale) {
        List<Point> points = new ArrayList<>();
        points.add(new Point(scale.x(indicator.baselineOn()), scale.y(indicator.baselineValue())));
        for (IndicatorValue value : totals) {
            points.add(new Point(scale.x(value.measuredOn()), scale.y(value.value())));
        }
        return points;
    }

    /** From dates and values to positions: time from the earliest to the latest date, values from zero. */
    record Scale(LocalDate from, LocalDate to, BigDecimal max) {

        static Scale of(Indicator indicator, List<IndicatorValue> totals) {
            LocalDate from = indicator.baselineOn();
            LocalDate to = indicator.targetOn();
            BigDecimal max = indicator.targetValue().max(indicator.baselineValue());
            for (IndicatorValue v : totals) {
                from = v.measuredOn().isBefore(from) ? v.measuredOn() : from;
                to = v.measuredOn().isAfter(to) ? v.measuredOn() : to;
                max = max.max(v.value());
            }
            if (max.signum() <= 0) {
                max = BigDecimal.ONE;
            }
            return new Scale(from, to, max);
        }

        double x(LocalDate date) {
            long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
            return LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(from, date) / span;
        }

        double y(BigDecimal value) {
            double share = Math.max(0, value.doubleValue()) / max.doubleValue();
            return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * share;
        }

        int yearStep() {
            int years = to.getYear() - from.getYear();
            return years <= 8 ? 1 : years <= 20 ? 2 : 5;
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\""
                + f(y2) + "\" stroke=\"#444\"/>";
    }

    private static String text(double x, double y, String text, String anchor) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"12\" fill=\"#222\">" + escape(text) + "</text>";
    }

    static String format(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

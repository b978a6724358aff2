package org.commercemesh.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

/** The run's results as a Markdown table, JSON, and a PNG chart of the ratios. */
public final class Report {

    private static final Color ECHO = new Color(0x3b, 0x82, 0xc4);
    private static final Color SQL = new Color(0xe0, 0x8a, 0x2c);

    private Report() {
    }

    public static String markdown(List<Measurement> rows, String header) {
        StringBuilder out = new StringBuilder(header).append("\n\n")
                .append("| scenario | load | calls/s | p50 ms | p99 ms | errors | echo/s | ÷ echo | SQL replay | SQL/s | ÷ SQL "
                        + "| service CPU ms/call | PostgreSQL CPU ms/call |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (Measurement row : rows) {
            out.append(String.format(Locale.ROOT,
                    "| %s | %s | %.0f | %.1f | %.1f | %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    row.scenario(), row.load(), row.perSecond(), row.p50(), row.p99(), row.errors(),
                    number(row.echoPerSecond(), "%.0f"), number(row.ratioToEcho(), "%.3f"), row.sql(),
                    number(row.sqlPerSecond(), "%.0f"), number(row.ratioToSql(), "%.2f"),
                    number(row.serviceCpuPerCall(), "%.2f"), number(row.postgresCpuPerCall(), "%.2f")));
        }
        return out.toString();
    }

    public static String json(List<Measurement> rows) {
        return rows.stream().map(row -> String.format(Locale.ROOT,
                "{\"scenario\":\"%s\",\"load\":\"%s\",\"perSecond\":%.1f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"errors\":%d,"
                        + "\"echoPerSecond\":%.1f,\"sql\":\"%s\",\"sqlPerSecond\":%.1f,\"serviceCpuMsPerCall\":%.3f,"
                        + "\"postgresCpuMsPerCall\":%.3f}",
                row.scenario(), row.load(), row.perSecond(), row.p50(), row.p99(), row.errors(), row.echoPerSecond(),
                row.sql(), row.sqlPerSecond(), row.serviceCpuPerCall(), row.postgresCpuPerCall()))
                .collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n"));
    }

    /** Two bars a row: the scenario's throughput as a share of the echo server's and of its SQL's. */
    public static void chart(List<Measurement> rows, Path png) throws IOException {
        int rowHeight = 44;
        int width = 960;
        int left = 260;
        int height = 70 + rowHeight * Math.max(1, rows.size());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Throughput as a share of its limits, measured in the same run", 16, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        legend(g, ECHO, "÷ bare gRPC echo server", 16, 42);
        legend(g, SQL, "÷ pgbench replaying its SQL", 230, 42);
        int span = width - left - 70;
        for (int i = 0; i < rows.size(); i++) {
            Measurement row = rows.get(i);
            int y = 56 + i * rowHeight;
            g.setColor(Color.DARK_GRAY);
            g.drawString(row.scenario() + ", " + row.load(), 16, y + 20);
            bar(g, ECHO, row.ratioToEcho(), left, y + 4, span);
            bar(g, SQL, row.ratioToSql(), left, y + 21, span);
        }
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }

    private static void legend(Graphics2D g, Color color, String text, int x, int y) {
        g.setColor(color);
        g.fillRect(x, y - 10, 12, 12);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, x + 18, y);
    }

    /** Bars are drawn against 1.0 (the limit) at full width, longer ones are cut and labelled. */
    private static void bar(Graphics2D g, Color color, double ratio, int x, int y, int span) {
        if (Double.isNaN(ratio)) {
            return;
        }
        int length = (int) Math.round(span * Math.min(ratio, 1.0));
        g.setColor(color);
        g.fillRect(x, y, Math.max(1, length), 14);
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "%.3f", ratio), x + length + 6, y + 12);
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) || value <= 0 ? "–" : String.format(Locale.ROOT, format, value);
    }
}

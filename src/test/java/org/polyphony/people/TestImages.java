package org.polyphony.people;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Pictures for upload tests, made on the spot: no binary files in the repository. */
public final class TestImages {

    /** A marker written into the EXIF segment, which must not survive the upload. */
    public static final String SECRET = "GPS 14.5995N 120.9842E secret-camera";

    private TestImages() {}

    /** A JPEG of the given size with an EXIF (APP1) segment carrying {@link #SECRET}. */
    public static byte[] jpegWithExif(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(30, 120, 200));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.ORANGE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        byte[] plain = encode(image, "jpeg");
        byte[] payload = ("Exif\0\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A small PNG whose header claims 20,000 × 20,000 pixels: a decompression bomb if decoded. */
    public static byte[] pngBomb() {
        byte[] png = encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png");
        ByteBuffer buffer = ByteBuffer.wrap(png);
        // signature (8), IHDR length (4), "IHDR" (4), then width and height
        buffer.putInt(16, 20_000);
        buffer.putInt(20, 20_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // "IHDR" and its 13 data bytes
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }

    public static byte[] notAnImage() {
        return "PK\3\4 this is a zip file, or pretends to be".getBytes(StandardCharsets.ISO_8859_1);
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.polyphony.people;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded picture into a profile photo: at most 512 pixels a side, re-encoded as a JPEG from its pixels
 * alone, so that nothing of the original file (EXIF and GPS data, comments, colour profiles, thumbnails) survives.
 * The file's own claims are not trusted: its type is found from its content, and its dimensions are read from the
 * header before any pixel is decoded, so that a small file claiming a huge image (a decompression bomb) is refused
 * without using the memory it asks for.
 */
final class Photos {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_SIDE = 512;

    /** Why a file was refused: the message key to show. */
    static final class Refused extends Exception {
        private final String messageKey;

        Refused(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    private Photos() {}

    /** The JPEG bytes of the resized photo. */
    static byte[] resize(byte[] upload) throws Refused {
        if (upload == null || upload.length == 0) {
            throw new Refused("people.photo.missing");
        }
        if (upload.length > MAX_BYTES) {
            throw new Refused("people.photo.tooLarge");
        }
        BufferedImage original = decode(upload);
        int width = original.getWidth();
        int height = original.getHeight();
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
        int newWidth = Math.max(1, (int) Math.round(width * scale));
        int newHeight = Math.max(1, (int) Math.round(height * scale));
        BufferedImage resized = new BufferedImage(newWidth, newHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = resized.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // transparent parts of a PNG become white, not black
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, newWidth, newHeight);
            graphics.drawImage(original, 0, 0, newWidth, newHeight, null);
        } finally {
            graphics.dispose();
        }
        return jpeg(resized);
    }

    private static BufferedImage decode(byte[] upload) throws Refused {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new Refused("people.photo.notAnImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new Refused("people.photo.notAnImage");
                }
                if (width * height > MAX_PIXELS) {
                    throw new Refused("people.photo.tooManyPixels");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new Refused("people.photo.notAnImage");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            // a truncated or malformed file, or a format variant the JDK does not decode (e.g. CMYK JPEG)
            throw new Refused("people.photo.notAnImage");
        }
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}

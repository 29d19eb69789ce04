package org.polyphony.dialogue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The text of a participants' shared copy kept compressed: the page cut at its slots and, for each post, the actions
 * a reader who never touched it sees, cut at their CSRF tokens. Kept as plain strings a copy took some 130 KB of
 * memory, and the copies of a few thousand threads outgrew the budget of all copies, which then started afresh over
 * and over; compressed it takes a tenth of that, and unpacking it for a page costs less than compressing the page.
 */
final class PackedCopy {

    /** What a copy holds once unpacked. */
    record Parts(List<String> page, Map<Long, List<String>> strangersActions) {}

    private PackedCopy() {}

    static byte[] pack(List<String> page, Map<Long, List<String>> strangersActions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 8192))) {
            writeStrings(out, page);
            out.writeInt(strangersActions.size());
            for (Map.Entry<Long, List<String>> actions : strangersActions.entrySet()) {
                out.writeLong(actions.getKey());
                writeStrings(out, actions.getValue());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    static Parts unpack(byte[] packed) {
        Inflater inflater = new Inflater();
        try (DataInputStream in =
                new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(packed), inflater, 16384))) {
            List<String> page = readStrings(in);
            int posts = in.readInt();
            Map<Long, List<String>> strangersActions = HashMap.newHashMap(posts);
            for (int i = 0; i < posts; i++) {
                strangersActions.put(in.readLong(), readStrings(in));
            }
            return new Parts(page, strangersActions);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        } finally {
            inflater.end();
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String string : strings) {
            byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] utf8 = new byte[in.readInt()];
            in.readFully(utf8);
            strings.add(new String(utf8, StandardCharsets.UTF_8));
        }
        return strings;
    }
}

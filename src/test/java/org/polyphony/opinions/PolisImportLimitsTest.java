package org.polyphony.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.polyphony.opinions.analysis.PolisCsvException;

/** A Pol.is archive is unpacked with limits checked while reading; a damaged one is an invalid file. */
class PolisImportLimitsTest {

    @Test
    void aZipBombIsRefusedAfterAFewMegabytesNotTwoHundred() throws Exception {
        // under 200 KB that would unpack to 150 MB of zeros: refused once 8 MB are out and the ratio is absurd
        byte[] bomb = zipOf("votes.csv", 150);
        assertThat(bomb.length).isLessThan(200 * 1024);
        Throwable refused = catchThrowable(() -> PolisImport.read(new ByteArrayInputStream(bomb)));
        assertThat(refused).isInstanceOf(PolisCsvException.class).hasMessageContaining("more than it can hold");
    }

    @Test
    void aTruncatedArchiveIsAnInvalidFileNotAnInputError() throws Exception {
        byte[] whole = zipOf("comments.csv", 2);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        Throwable refused = catchThrowable(() -> PolisImport.read(new ByteArrayInputStream(truncated)));
        assertThat(refused).isInstanceOf(PolisCsvException.class).hasMessageContaining("damaged or incomplete");
    }

    private static byte[] zipOf(String name, int megabytesOfZeros) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytesOfZeros; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}

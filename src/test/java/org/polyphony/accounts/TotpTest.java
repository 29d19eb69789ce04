package org.polyphony.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238's own test vectors (SHA-1), and the rules for typed codes. */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfcTestVectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)), 8))
                .isEqualTo("94287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)), 8))
                .isEqualTo("07081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)), 8))
                .isEqualTo("89005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)), 8))
                .isEqualTo("65353130");
    }

    @Test
    void acceptsOneStepOfDriftAndEachCodeOnce() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        String previous = Totp.code(RFC_SECRET, step - 1, 6);
        String tooOld = Totp.code(RFC_SECRET, step - 2, 6);

        assertThat(Totp.matchingStep(RFC_SECRET, previous, now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, tooOld, now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, previous, now, step - 1)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12 34 5x", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, null, now, 0)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesTheRfcExample() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        byte[] secret = TwoFactor.newSecret();
        assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
        assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theQrCodeIsInlineSvgWithoutScript() {
        String svg = QrCodeSvg.of(TwoFactorController.otpauthUri("Amina K", "MZXW6YTBOI"), "QR");
        assertThat(svg)
                .startsWith("<svg")
                .contains("<path")
                .doesNotContain("script")
                .doesNotContain("style=");
        assertThat(TwoFactorController.otpauthUri("Amina K", "MZXW6YTBOI"))
                .isEqualTo("otpauth://totp/Polyphony%3AAmina%20K?secret=MZXW6YTBOI&issuer=Polyphony"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}

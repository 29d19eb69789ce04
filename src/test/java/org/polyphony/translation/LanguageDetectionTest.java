package org.polyphony.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

    // Lingua keeps the loaded models for the whole JVM; one detector is enough for the class
    private static final LanguageDetection detection = new LanguageDetection(false);

    // 97.6 % measured on 2026-11-22 (docs/language-detection.md); detection is deterministic, the margin is for
    // a later Lingua or a changed rule that costs a few sentences, not for chance
    private static final double ACCURACY_FLOOR = 95.0;

    @Test
    void namesTheLanguageOfClearSentences() {
        assertThat(detect("The meeting about housing rights starts at six in the community hall."))
                .isEqualTo("en");
        assertThat(detect("La réunion sur le droit au logement commence à six heures à la salle communale."))
                .isEqualTo("fr");
        assertThat(detect("La reunión sobre el derecho a la vivienda empieza a las seis en el centro vecinal."))
                .isEqualTo("es");
        assertThat(detect("يبدأ الاجتماع حول الحق في السكن في الساعة السادسة في القاعة المجتمعية."))
                .isEqualTo("ar");
        assertThat(detect("关于住房权利的会议将在晚上六点于社区中心开始。")).isEqualTo("zh");
    }

    @Test
    void khmerIsKnownByItsScript() {
        DetectedLanguage found = detection.detect("កិច្ចប្រជុំអំពីសិទ្ធិលំនៅដ្ឋាន ចាប់ផ្ដើមនៅម៉ោងប្រាំមួយ។", List.of());

        assertThat(found.tag()).isEqualTo("km");
        assertThat(found.source()).isEqualTo(DetectedLanguage.Source.DETECTED);
    }

    @Test
    void aVeryShortTextTakesTheAuthorsLanguage() {
        DetectedLanguage found = detection.detect("ok", List.of("fr"));

        assertThat(found.tag()).isEqualTo("fr");
        assertThat(found.source()).isEqualTo(DetectedLanguage.Source.DECLARED_LANGUAGE_OF_AUTHOR);
    }

    @Test
    void overallAccuracyOnTheLabelledSentencesStaysAboveTheFloor() {
        var sentences = DetectionAccuracyReport.load();
        var results = DetectionAccuracyReport.evaluate(detection, sentences);

        assertThat(sentences).hasSize(1700);
        assertThat(DetectionAccuracyReport.overallAccuracy(results)).isGreaterThan(ACCURACY_FLOOR);
    }

    private static String detect(String text) {
        return detection.detect(text, List.of()).tag();
    }
}

package org.polyphony.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotosTest {

    @Test
    void aPhotoIsResizedAndLosesItsMetadata() throws Exception {
        byte[] upload = TestImages.jpegWithExif(1600, 1200);
        assertThat(TestImages.contains(upload, TestImages.SECRET)).isTrue();

        byte[] photo = Photos.resize(upload);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(384);
        assertThat(TestImages.contains(photo, TestImages.SECRET)).isFalse();
        assertThat(TestImages.contains(photo, "Exif")).isFalse();
    }

    @Test
    void aSmallPhotoKeepsItsSize() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Photos.resize(TestImages.jpegWithExif(200, 300))));
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(300);
    }

    @Test
    void refusesBombsNonImagesAndLargeFiles() {
        assertThatThrownBy(() -> Photos.resize(TestImages.pngBomb()))
                .isInstanceOfSatisfying(
                        Photos.Refused.class, r -> assertThat(r.messageKey()).isEqualTo("people.photo.tooManyPixels"));
        assertThatThrownBy(() -> Photos.resize(TestImages.notAnImage()))
                .isInstanceOfSatisfying(
                        Photos.Refused.class, r -> assertThat(r.messageKey()).isEqualTo("people.photo.notAnImage"));
        assertThatThrownBy(() -> Photos.resize(new byte[Photos.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(
                        Photos.Refused.class, r -> assertThat(r.messageKey()).isEqualTo("people.photo.tooLarge"));
    }
}

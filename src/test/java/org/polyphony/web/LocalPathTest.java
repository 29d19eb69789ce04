package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalPathTest {

    @Test
    void keepsPathsOnThisSite() {
        assertThat(LocalPath.orHome("/editions/athens-2009?x=1")).isEqualTo("/editions/athens-2009?x=1");
    }

    @Test
    void sendsEverythingElseHome() {
        for (String target : new String[] {
            null,
            "",
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "/a\r\nSet-Cookie: x"
        }) {
            assertThat(LocalPath.orHome(target)).as(String.valueOf(target)).isEqualTo("/");
        }
    }
}

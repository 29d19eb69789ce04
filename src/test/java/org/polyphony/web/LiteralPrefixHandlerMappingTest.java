package org.polyphony.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.polyphony.PolyphonyWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The faster look-up of mappings with variables gives the answers Spring's own gives: a page with variables is
 * found, an address with escapes is decoded and found as before, an unknown address is 404 and a known one asked
 * with the wrong method still says which methods it takes.
 */
@PolyphonyWebTest
class LiteralPrefixHandlerMappingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theApplicationsMappingIsTheFasterOne() {
        assertThat(mapping).isInstanceOf(LiteralPrefixHandlerMapping.class);
    }

    @Test
    void addressesWithVariablesAreFoundAsBefore() throws Exception {
        assertThat(status(get("/editions/gfmd-2012/sessions/1.1"))).isEqualTo(200);
        // an escaped letter is compared once decoded, as Spring does
        assertThat(status(get(URI.create("/editions/gfmd-2012/s%65ssions/1.1"))))
                .isEqualTo(200);
        assertThat(status(get("/editions/gfmd-2012/nothing-here/1.1"))).isEqualTo(404);
        assertThat(status(get("/nothing-here/1"))).isEqualTo(404);
    }

    @Test
    void theWrongMethodIsStillTold() throws Exception {
        var response = mvc.perform(put("/api/editions")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeader("Allow")).contains("GET");
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}

package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polyphony.HttpVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * A live-update stream that reaches its time limit ends cleanly: no error status, nothing but events in the
 * {@code text/event-stream}. The application's own controller runs in Spring MVC's real asynchronous handling; the
 * servlet container's timeout is fired by hand rather than waited for (it comes after ten minutes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveStreamTimeoutTest {

    @LocalServerPort
    int port;

    @Autowired
    DialogueController controller;

    @Test
    void aStreamThatTimesOutEndsWithoutAnErrorPage() throws Exception {
        HttpVisitor author = HttpVisitor.signedUp(
                port, "Timeout " + UUID.randomUUID().toString().substring(0, 6), "live until the end");
        String thread = author.startThread(
                "/editions/athens-2009/sessions/3.2/threads", "Timeout " + UUID.randomUUID(), "Opening");
        MockMvc mvc = MockMvcBuilders.standaloneSetup(controller).build();

        MvcResult started =
                mvc.perform(get(thread + "/live").accept("text/event-stream")).andReturn();
        assertThat(started.getRequest().isAsyncStarted()).isTrue();
        MockAsyncContext async = (MockAsyncContext) started.getRequest().getAsyncContext();
        for (AsyncListener listener : async.getListeners()) {
            listener.onTimeout(new AsyncEvent(async));
        }
        MvcResult ended = mvc.perform(asyncDispatch(started)).andReturn();

        assertThat(ended.getResponse().getStatus()).isEqualTo(200);
        assertThat(ended.getResolvedException()).isNull();
        assertThat(ended.getResponse().getContentAsString()).doesNotContain("<").doesNotContain("error");
    }
}

package org.polyphony.messaging;

/** A new message: to whom (a display name; empty for a reply in a conversation) and its text. */
public record MessageForm(String to, String body) {

    public static MessageForm to(String name) {
        return new MessageForm(name == null ? "" : name, "");
    }

    public String toOrEmpty() {
        return to == null ? "" : to.strip();
    }

    public String bodyOrEmpty() {
        return body == null ? "" : body;
    }
}

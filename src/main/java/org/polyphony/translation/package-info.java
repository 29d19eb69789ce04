/**
 * Translation: the language of every contribution, detected in the process, and its translation into readers'
 * languages by providers chosen per language pair (Apertium on this machine by default; LibreTranslate-compatible
 * services when an administrator enables them), run as background jobs any node can take, cached, with a glossary
 * per forum edition and corrections by people. Other modules hand it text by reference and ask for what to show;
 * it knows nothing of posts or threads. Uses accounts (who is signed in), languages and web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Translation")
package org.polyphony.translation;

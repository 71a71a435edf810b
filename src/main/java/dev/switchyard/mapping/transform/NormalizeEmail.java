package dev.switchyard.mapping.transform;

import java.util.Locale;

/**
 * Trims an e-mail address, lower-cases its domain (and its local part when
 * {@code lowerCase}: most mail systems ignore its case, though the standard does not
 * promise it) and checks it pragmatically: exactly one {@code @}, a non-empty local part,
 * a domain with a dot and no empty labels, no spaces, and at most 254 characters. This is
 * not full RFC 5322 validation (no quoted local parts, no IP-literal domains). A blank
 * value is null; an invalid address is a {@link TransformException}.
 *
 * @param lowerCase whether to lower-case the local part too
 */
public record NormalizeEmail(boolean lowerCase) implements Transform {

    private static final int MAX_LENGTH = 254;

    @Override
    public Object apply(Object value, TransformContext context) {
        String text = (value != null) ? value.toString().strip() : "";
        if (text.isEmpty()) {
            return null;
        }
        int at = text.indexOf('@');
        String problem = null;
        if (at < 0 || at != text.lastIndexOf('@')) {
            problem = "an e-mail address has exactly one '@'";
        }
        else if (hasWhitespace(text)) {
            problem = "an e-mail address has no spaces";
        }
        else if (at == 0) {
            problem = "the part before '@' is empty";
        }
        else if (text.length() > MAX_LENGTH) {
            problem = "longer than " + MAX_LENGTH + " characters";
        }
        String domain = (problem == null) ? text.substring(at + 1) : "";
        if (problem == null
                && (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains(".."))) {
            problem = "the domain '" + domain + "' is not a domain name with a dot";
        }
        if (problem != null) {
            throw new TransformException(context, value, describe(),
                    "'" + text + "' is not an e-mail address: " + problem);
        }
        String local = text.substring(0, at);
        return (this.lowerCase ? local.toLowerCase(Locale.ROOT) : local) + "@" + domain.toLowerCase(Locale.ROOT);
    }

    private static boolean hasWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return this.lowerCase ? "e-mail address (lower case)" : "e-mail address (lower-case domain)";
    }

}

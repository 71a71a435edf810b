package dev.switchyard.mapping.transform;

/**
 * A country name, alias or code to its ISO 3166-1 alpha-2 code ({@code United States},
 * {@code USA} and {@code us} are all {@code US}), as {@link Countries} knows them. A
 * blank value is null; an unknown country is a {@link TransformException}.
 */
public record CountryCode() implements Transform {

    @Override
    public Object apply(Object value, TransformContext context) {
        String text = (value != null) ? value.toString().strip() : "";
        if (text.isEmpty()) {
            return null;
        }
        return Countries.alpha2(text)
            .orElseThrow(
                    () -> new TransformException(context, value, describe(), "'" + text + "' is not a known country"));
    }

    @Override
    public String describe() {
        return "country to ISO 3166-1 alpha-2 code";
    }

}

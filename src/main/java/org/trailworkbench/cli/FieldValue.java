package org.trailworkbench.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code field=value} as given to {@code --filter} and {@code --exclude}; the value may contain '='. */
record FieldValue(String field, String value) {

    static final class Converter implements ITypeConverter<FieldValue> {
        @Override
        public FieldValue convert(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1 || text.substring(0, eq).isBlank()) {
                throw new TypeConversionException("expected FIELD=VALUE, like eventName=GetObject, not '" + text + "'");
            }
            return new FieldValue(text.substring(0, eq).strip(), text.substring(eq + 1));
        }
    }
}

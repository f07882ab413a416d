package org.splitinfer.core.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;

/**
 * A YAML factory whose parsers refuse aliases ({@code *name}). Jackson does not resolve an alias to its anchor's
 * value: it reads {@code b: *x} as the text {@code "x"}, so {@code prefill: {hardware: *gpu}} would silently ask for
 * an accelerator called "gpu". SplitInfer's files are small enough to write out in full, so an alias is refused with
 * its line and column instead.
 */
final class AliasRefusingYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    AliasRefusingYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext context) throws IOException {
        return parser(context, _createReader(in, null, context));
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
        return parser(context, reader);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return parser(context, new CharArrayReader(data, offset, length));
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return parser(context, _createReader(data, offset, length, null, context));
    }

    private YAMLParser parser(IOContext context, Reader reader) {
        return new Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    /** Refuses an alias as the event that brings it is read. */
    private static final class Parser extends YAMLParser {
        Parser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions options, ObjectCodec codec,
               Reader reader) {
            super(context, parserFeatures, yamlFeatures, options, codec, reader);
        }

        @Override
        protected Event getEvent() throws IOException {
            Event event = super.getEvent();
            if (event instanceof AliasEvent alias) {
                Mark start = alias.getStartMark();
                throw new JsonParseException(this, "an alias (*" + alias.getAnchor() + ") stands for its anchor's"
                        + " value, which SplitInfer does not copy" + StructuredText.WRITE_OUT,
                        new JsonLocation(ContentReference.unknown(), -1, start.getLine() + 1, start.getColumn() + 1));
            }
            return event;
        }
    }
}

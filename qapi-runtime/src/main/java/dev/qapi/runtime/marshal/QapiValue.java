package dev.qapi.runtime.marshal;

import com.fasterxml.jackson.databind.JsonNode;

/** A value of a generated type (enum, struct, union, alternate): it knows its JSON form. */
public interface QapiValue {

    /** The JSON form of this value, as QEMU's output visitor produces it. */
    JsonNode write(OutputVisitor out);
}

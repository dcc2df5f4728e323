/**
 * What every output of the generator shares: the generated-file type, writing only the files whose bytes
 * changed, and the result of a write. It knows no output kind's content, and no other package of the
 * generator.
 */
package dev.qapi.generator.output;

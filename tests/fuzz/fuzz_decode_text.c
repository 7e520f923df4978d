/*
 * Fuzz the text and HTML decoders (and gzip, sniffing, the legacy
 * Vietnamese charsets) through tracuu_decode_buffer(): every input is
 * decoded under several names and once with a forced encoding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/decode.h"
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
    (void) argc;
    (void) argv;
    /* PDF and .doc go to external converters: keep them out of reach, so
     * that those inputs fail fast instead of spawning a process. */
    setenv ("PATH", "/nonexistent", 1);
    return 0;
}

static void
decode_one (const char *name, const uint8_t *data, size_t size,
            const char *encoding)
{
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t out;
    tracuu_status_t st;

    opts.encoding = encoding;
    opts.max_input_bytes = 1 << 20;
    opts.max_output_bytes = 4 << 20;
    opts.timeout_seconds = 1;
    memset (&out, 0xAB, sizeof out);
    st = tracuu_decode_buffer (name, (const char *) data, size, &opts, &out);
    if (st == TRACUU_STATUS_OK) {
        FUZZ_CHECK (out.text != NULL);
        FUZZ_CHECK (out.text[out.len] == '\0');
        FUZZ_CHECK (out.format != NULL);
    } else {
        FUZZ_CHECK (out.text == NULL);
        FUZZ_CHECK (memchr (out.error, '\0', sizeof out.error) != NULL);
        FUZZ_CHECK (out.error[0] != '\0');
    }
    tracuu_decoded_dispose (&out);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    static const char *const encodings[] = {
        "utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3",
        "vni-windows", "viscii", "utf-8-bom"
    };

    decode_one ("x.txt", data, size, NULL);
    decode_one ("x", data, size, NULL);
    decode_one ("x.html", data, size, NULL);
    decode_one ("x.gz", data, size, NULL);
    decode_one ("x.txt", data, size,
                encodings[size % (sizeof encodings / sizeof encodings[0])]);
    return 0;
}

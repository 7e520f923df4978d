/*
 * Fuzz the reading back of stored text (tracuu_store__unpack), as a
 * damaged database would give it: never a crash, never an allocation
 * larger than a zlib stream of that size can inflate to, and what is
 * accepted packs back to data that unpacks the same. The input is also
 * packed as text, whole and in pieces, both of which must unpack to it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "index/index-private.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
roundtrip (const char *text, size_t len, const char *packed, size_t plen)
{
    char *back = NULL;
    size_t blen = 0;

    FUZZ_CHECK (tracuu_store__unpack (packed, plen, &back, &blen)
                == TRACUU_STATUS_OK);
    FUZZ_CHECK (blen == len && memcmp (back, text, len) == 0);
    FUZZ_CHECK (back[blen] == '\0');
    free (back);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    const char *in = (const char *) data;
    char *text = NULL, *packed = NULL;
    size_t len = 0, plen = 0;
    tracuu_store_packer_t packer;

    if (tracuu_store__unpack (in, size, &text, &len) == TRACUU_STATUS_OK) {
        FUZZ_CHECK (len <= size * 1032);
        FUZZ_CHECK (tracuu_store__pack (text, len, &packed, &plen)
                    == TRACUU_STATUS_OK);
        roundtrip (text, len, packed, plen);
        free (packed);
    }
    free (text);
    FUZZ_CHECK (tracuu_store__pack (in, size, &packed, &plen)
                == TRACUU_STATUS_OK);
    roundtrip (in, size, packed, plen);
    free (packed);
    FUZZ_CHECK (tracuu_store__packer_init (&packer) == TRACUU_STATUS_OK);
    for (size_t i = 0; i < size; i += 1 + i % 97)
        tracuu_store__packer_add (&packer, in + i,
                                  i + 1 + i % 97 > size ? size - i
                                                        : 1 + i % 97);
    FUZZ_CHECK (tracuu_store__packer_finish (&packer, &packed, &plen)
                == TRACUU_STATUS_OK);
    tracuu_store__packer_dispose (&packer);
    roundtrip (in, size, packed, plen);
    free (packed);
    return 0;
}

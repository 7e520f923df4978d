/* JSON string literals, always valid whatever the input bytes. */
#include "tracuu/json.h"
#include "util/tracuu-private.h"

void
tracuu_json_write_string (FILE *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *) s;
    size_t i = 0;

    fputc ('"', out);
    while (i < len) {
        int32_t cp;
        size_t step = tracuu_utf8__decode (p + i, len - i, &cp);

        if (cp < 0) {
            fputs ("\xEF\xBF\xBD", out);
        } else if (cp == '"' || cp == '\\') {
            fputc ('\\', out);
            fputc (cp, out);
        } else if (cp == '\n') {
            fputs ("\\n", out);
        } else if (cp == '\t') {
            fputs ("\\t", out);
        } else if (cp == '\r') {
            fputs ("\\r", out);
        } else if (cp < 0x20 || cp == 0x7F) {
            fprintf (out, "\\u%04x", (unsigned) cp);
        } else {
            fwrite (p + i, 1, step, out);
        }
        i += step;
    }
    fputc ('"', out);
}

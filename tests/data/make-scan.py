#!/usr/bin/env python3
"""Make scanned copies of reports for the OCR tests, at test time.

  make-scan.py render TEXT PREFIX DPI [noisy]
      Typeset the UTF-8 text file TEXT on A4 pages (DejaVu Serif 11 pt) and
      write PREFIX-1.jpg, PREFIX-2.jpg ... at DPI dots per inch, as a
      scanner would; "noisy" adds a 1.2 degree rotation, a blur, Gaussian
      noise and salt-and-pepper specks. Prints the number of pages.
  make-scan.py pdf OUT.pdf PAGE...
      Write a PDF with one page per argument: a .jpg is a scanned page
      (an image, no text layer), any other argument is text typeset in
      Helvetica on a page of its own (a page with a text layer; ASCII).

Rendering uses ImageMagick's convert and fonts-dejavu-core.
"""
import os
import re
import subprocess
import sys
import textwrap
import zlib

FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'
CONVERT = '/usr/bin/convert'
LINES_PER_PAGE = 52
POINTS = 11
TEXT_WIDTH_INCHES = 6.3       # A4 less margins of 0.9 and 1.07 inch


def font_widths(path):
    """Advance widths of the font's characters, in ems, from its cmap
    (format 4) and hmtx tables: text is wrapped by width, as a word
    processor does, not by counting characters."""
    data = open(path, 'rb').read()
    n = int.from_bytes(data[4:6], 'big')
    tables = {}
    for i in range(n):
        rec = data[12 + 16 * i:28 + 16 * i]
        tables[rec[:4].decode('latin-1')] = (int.from_bytes(rec[8:12], 'big'),
                                             int.from_bytes(rec[12:16], 'big'))
    u16 = lambda o: int.from_bytes(data[o:o + 2], 'big')
    head, hhea, hmtx, cmap = (tables[t][0] for t in ('head', 'hhea', 'hmtx', 'cmap'))
    upem = u16(head + 18)
    n_metrics = u16(hhea + 34)
    advance = [u16(hmtx + 4 * i) for i in range(n_metrics)]
    sub = None
    for i in range(u16(cmap + 2)):
        plat, enc = u16(cmap + 4 + 8 * i), u16(cmap + 6 + 8 * i)
        off = int.from_bytes(data[cmap + 8 + 8 * i:cmap + 12 + 8 * i], 'big')
        if plat == 3 and enc == 1 and u16(cmap + off) == 4:
            sub = cmap + off
    segs = u16(sub + 6) // 2
    ends, starts = sub + 14, sub + 16 + 2 * segs
    deltas, ranges = starts + 2 * segs, starts + 4 * segs
    widths = {}
    for k in range(segs):
        end, start = u16(ends + 2 * k), u16(starts + 2 * k)
        delta, rng = u16(deltas + 2 * k), u16(ranges + 2 * k)
        for c in range(start, min(end, 0xFFFE) + 1):
            if rng == 0:
                g = (c + delta) & 0xFFFF
            else:
                g = u16(ranges + 2 * k + rng + 2 * (c - start))
                g = (g + delta) & 0xFFFF if g else 0
            widths[chr(c)] = advance[min(g, n_metrics - 1)] / upem
    return widths


def wrap(para, widths, limit):
    """Greedy wrapping of 'para' into lines of at most 'limit' ems."""
    lines, line, width = [], '', 0.0
    space = widths.get(' ', 0.3)
    for word in para.split():
        w = sum(widths.get(ch, 0.6) for ch in word)
        if line and width + space + w > limit:
            lines.append(line)
            line, width = word, w
        else:
            line, width = (line + ' ' + word, width + space + w) if line else (word, w)
    if line:
        lines.append(line)
    return lines


def render(text_path, prefix, dpi, noisy):
    with open(text_path, encoding='utf-8') as f:
        text = f.read()
    widths = font_widths(FONT)
    limit = TEXT_WIDTH_INCHES * 72 / POINTS      # line width in ems
    lines = []
    for para in text.split('\n'):
        if para.strip():
            lines.extend(wrap(para, widths, limit))
        else:
            lines.append('')
    while lines and not lines[-1]:
        lines.pop()
    pages = [lines[i:i + LINES_PER_PAGE]
             for i in range(0, len(lines), LINES_PER_PAGE)]
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    for n, page in enumerate(pages, 1):
        # convert reads '%' and '\' in -annotate text as escapes.
        body = '\n'.join(page).replace('\\', '\\\\').replace('%', '%%')
        cmd = [CONVERT, '-size', f'{width}x{height}', 'xc:white',
               '-density', str(dpi), '-units', 'PixelsPerInch',
               '-font', FONT, '-pointsize', str(POINTS), '-fill', 'black',
               '-interline-spacing', '2',
               '-annotate', f'+{int(0.9 * dpi)}+{int(0.9 * dpi)}', body]
        if noisy:
            # A fixed seed: the same noise, so the same figures, each run.
            cmd += ['-seed', str(1000 + n), '-rotate', '1.2', '-background', 'white', '-flatten',
                    '-blur', '0x0.8', '-attenuate', '1.0', '+noise', 'Gaussian',
                    '-attenuate', '0.3', '+noise', 'Impulse']
        cmd += ['-colorspace', 'Gray', '-quality', '90',
                f'{prefix}-{n}.jpg']
        subprocess.run(cmd, check=True)
    print(len(pages))


def jpeg_size(data):
    i = 2
    while i < len(data):
        marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], 'big')
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h = int.from_bytes(data[i + 5:i + 7], 'big')
            w = int.from_bytes(data[i + 7:i + 9], 'big')
            comps = data[i + 9]
            return w, h, comps
        i += 2 + length
    raise ValueError('not a JPEG file')


def jpeg_dpi(data):
    if data[6:11] == b'JFIF\0' and data[13] == 1:
        return int.from_bytes(data[14:16], 'big')
    return 300


def pdf(out, pages):
    objs = []                   # bodies of objects 1..n

    def add(body):
        objs.append(body)
        return len(objs)

    font = add(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
    kids = []
    pages_id = len(objs) + 3 * len(pages) + 1   # allotted below
    for p in pages:
        if p.endswith('.jpg'):
            data = open(p, 'rb').read()
            w, h, comps = jpeg_size(data)
            dpi = jpeg_dpi(data)
            img = add(b'<< /Type /XObject /Subtype /Image /Width %d /Height %d '
                      b'/ColorSpace /%s /BitsPerComponent 8 /Filter /DCTDecode '
                      b'/Length %d >>\nstream\n' % (
                          w, h, b'DeviceGray' if comps == 1 else b'DeviceRGB',
                          len(data)) + data + b'\nendstream')
            pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
            content = b'q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q' % (pw, ph)
            res = b'<< /XObject << /Im0 %d 0 R >> >>' % img
        else:
            pw, ph = 595.0, 842.0
            rows = textwrap.wrap(p, 80) or ['']
            ops = [b'BT /F1 11 Tf 60 780 Td 14 TL']
            for r in rows:
                r = r.encode('latin-1', 'replace')
                r = r.replace(b'\\', b'\\\\').replace(b'(', b'\\(').replace(b')', b'\\)')
                ops.append(b'(' + r + b') Tj T*')
            ops.append(b'ET')
            content = b'\n'.join(ops)
            res = b'<< /Font << /F1 %d 0 R >> >>' % font
            add(b'null')        # keep three objects per page
        z = zlib.compress(content)
        cont = add(b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(z)
                   + z + b'\nendstream')
        kids.append(add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] '
                        b'/Resources %s /Contents %d 0 R >>'
                        % (pages_id, pw, ph, res, cont)))
    assert len(objs) + 1 == pages_id
    add(b'<< /Type /Pages /Kids [%s] /Count %d >>'
        % (b' '.join(b'%d 0 R' % k for k in kids), len(kids)))
    catalog = add(b'<< /Type /Catalog /Pages %d 0 R >>' % pages_id)
    body = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(body))
        body += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref = len(body)
    body += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for off in offsets:
        body += b'%010d 00000 n \n' % off
    body += (b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n'
             % (len(objs) + 1, catalog, xref))
    with open(out, 'wb') as f:
        f.write(body)


def main(argv):
    if len(argv) >= 4 and argv[1] == 'render':
        render(argv[2], argv[3], int(argv[4]), len(argv) > 5 and argv[5] == 'noisy')
    elif len(argv) >= 4 and argv[1] == 'pdf':
        pdf(argv[2], argv[3:])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

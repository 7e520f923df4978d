#!/usr/bin/env python3
"""Large inputs that are valid but hostile to memory, made from report text.

    hostile.py POOL OUTDIR LIMIT_BYTES

POOL is UTF-8 report text (generated reports, one after another). Writes
into OUTDIR, and prints one line per file: name, kind, bytes of text
written into it.

  big.txt            32 MiB of text (or LIMIT/2 when smaller)
  limit.txt.gz       text up to 64 KiB below LIMIT, gzip
  over-limit.txt.gz  one report repeated to 8 x LIMIT, gzip: a bomb whose
                     small file expands far past the limit
  text.docx          a Word document, one paragraph a line, text up to
                     1 MiB below LIMIT
  markup.docx        a Word document of LIMIT/8 of text, every word in a
                     run of its own with its formatting, so that its XML is
                     some 40 times its text

Every text is cut at a line end, so that it stays valid UTF-8.
"""
import gzip
import sys
import zipfile
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
DOC_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:body>')
DOC_TAIL = '</w:body></w:document>'
RUN_PROPS = ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
             'w:cs="Times New Roman"/><w:b/><w:color w:val="1F3864"/>'
             '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>')


def lines_upto(pool, limit):
    """Lines of POOL, over and over, until LIMIT bytes; the total."""
    total = 0
    while True:
        for line in pool:
            if total + len(line) > limit:
                return
            total += len(line)
            yield line


def write_plain(path, pool, limit, opener):
    n = 0
    with opener(path) as f:
        for line in lines_upto(pool, limit):
            f.write(line)
            n += len(line)
    return n


def write_docx(path, pool, limit, per_word):
    n = 0
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', RELS)
        with z.open('word/document.xml', 'w', force_zip64=True) as f:
            f.write(DOC_HEAD.encode())
            for line in lines_upto(pool, limit):
                text = line.rstrip(b'\n').decode('utf-8')
                n += len(line)
                if per_word:
                    runs = ''.join('<w:r>%s<w:t xml:space="preserve">%s </w:t></w:r>'
                                   % (RUN_PROPS, escape(w)) for w in text.split())
                else:
                    runs = '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)
                f.write(('<w:p>%s</w:p>' % runs).encode('utf-8'))
            f.write(DOC_TAIL.encode())
    return n


def main():
    if len(sys.argv) != 4:
        sys.exit('usage: hostile.py POOL OUTDIR LIMIT_BYTES')
    pool_path, out, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(pool_path, 'rb') as f:
        pool = [line for line in f.read().splitlines(keepends=True) if line.strip()]
    if not pool:
        sys.exit('hostile.py: %s holds no text' % pool_path)
    # About one report's worth: the first 11 KB of lines.
    report, size = [], 0
    for line in pool:
        report.append(line)
        size += len(line)
        if size >= 11000:
            break

    def gz(path):
        return gzip.open(path, 'wb', compresslevel=6)

    def plain(path):
        return open(path, 'wb')

    rows = [
        ('big.txt', 'text', write_plain(out + '/big.txt', pool,
                                        min(32 << 20, limit // 2), plain)),
        ('limit.txt.gz', 'gzip', write_plain(out + '/limit.txt.gz', pool,
                                             limit - (64 << 10), gz)),
        ('over-limit.txt.gz', 'gzip bomb', write_plain(out + '/over-limit.txt.gz', report,
                                                       8 * limit, gz)),
        ('text.docx', 'docx', write_docx(out + '/text.docx', pool,
                                         limit - (1 << 20), False)),
        ('markup.docx', 'docx, a run a word', write_docx(out + '/markup.docx', pool,
                                                         limit // 8, True)),
    ]
    for name, kind, n in rows:
        print('%s\t%s\t%d' % (name, kind, n))


if __name__ == '__main__':
    main()

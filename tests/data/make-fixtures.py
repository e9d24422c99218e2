#!/usr/bin/env python3
# Writes the small documents under tests/data: a Word document with
# automatic numbering written by hand, then saved again by LibreOffice
# (as .docx, .odt and .doc) so that the tests read real word-processor
# output. Run from this folder: python3 make-fixtures.py (needs soffice).
import os
import shutil
import subprocess
import tempfile
import zipfile

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>'''

RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''

DOC_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>'''

STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
</w:styles>'''

def lvl(i, fmt, text, start=1):
    return (f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>')

NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">{lvl(0, "chineseCounting", "%1、")}{lvl(1, "chineseCounting", "（%2）")}{lvl(2, "decimal", "%3.")}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">{lvl(0, "ideographTraditional", "%1.")}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>'''

def run(text, bold=False):
    rpr = '<w:rPr><w:b/></w:rPr>' if bold else ''
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'

def para(runs, style=None, num=None, center=False, outline=None):
    ppr = ''
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    if center:
        ppr += '<w:jc w:val="center"/>'
    return f'<w:p><w:pPr>{ppr}</w:pPr>{"".join(runs)}</w:p>'

BODY = [
    para([run('关于做好秋季防汛工作的讲话', True)], center=True),
    para([run('同志们：')]),
    para([run('今天召开会议，'), run('部署秋季防汛工作。', True)]),
    para([run('提高思想认识')], style='Heading1', num=(1, 0)),
    para([run('压实各级责任')], style='Heading2', num=(1, 1)),
    para([run('各地要层层落实责任。')]),
    para([run('加强监测预警')], style='Heading2', num=(1, 1)),
    para([run('抓好重点任务')], style='Heading1', num=(1, 0)),
    para([run('排查隐患')], style='Heading2', num=(1, 1)),
    para([run('水库要逐一检查')], num=(1, 2)),
    para([run('堤防要逐段巡查')], num=(1, 2)),
    para([run('做好物资储备', True)], num=(2, 0)),
    para([run('落实值班制度', True)], num=(2, 0)),
    para([run('附：'), '<w:r><w:tab/><w:t>值班表</w:t><w:br/><w:t>另行印发</w:t></w:r>'], outline=2),
]

DOCUMENT = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}"><w:body>{"".join(BODY)}</w:body></w:document>')

def main():
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, 'numbered.docx')
    with zipfile.ZipFile(src, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/_rels/document.xml.rels', DOC_RELS)
        z.writestr('word/document.xml', DOCUMENT)
        z.writestr('word/styles.xml', STYLES)
        z.writestr('word/numbering.xml', NUMBERING)
    shutil.copy(src, 'handmade-numbered.docx')
    out = os.path.join(tmp, 'out')
    profile = 'file://' + os.path.join(tmp, 'profile')
    for fmt in ('docx', 'odt', 'doc'):
        subprocess.run(['soffice', '--headless', '-env:UserInstallation=' + profile,
                        '--convert-to', fmt, '--outdir', out, src], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(out, 'numbered.' + fmt), 'numbered-lo.' + fmt)
    shutil.rmtree(tmp)

if __name__ == '__main__':
    main()

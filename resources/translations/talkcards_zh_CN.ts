<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../desktop/ui/card_editor.py" line="21" />
        <source>Edit card</source>
        <translation>编辑卡片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_editor.py" line="21" />
        <source>New card</source>
        <translation>新建卡片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_editor.py" line="28" />
        <location filename="../../desktop/ui/card_model.py" line="77" />
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_editor.py" line="29" />
        <location filename="../../desktop/ui/card_model.py" line="77" />
        <source>Back</source>
        <translation>背面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_editor.py" line="33" />
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="77" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="77" />
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="78" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="125" />
        <source>Cloze</source>
        <translation>填空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="125" />
        <source>Basic</source>
        <translation>问答</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="127" />
        <source>New</source>
        <translation>新卡片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="119" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="119" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="119" />
        <source>&amp;Study</source>
        <translation>学习(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="120" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="122" />
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="122" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="122" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="123" />
        <source>&amp;Find cards</source>
        <translation>查找卡片(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="123" />
        <source>Edit &amp;card…</source>
        <translation>编辑卡片(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="123" />
        <source>&amp;Suspend / unsuspend</source>
        <translation>暂停 / 恢复(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="124" />
        <source>&amp;Delete cards</source>
        <translation>删除卡片(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="124" />
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="124" />
        <source>&amp;Review due cards</source>
        <translation>复习到期卡片(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125" />
        <source>Study this &amp;section</source>
        <translation>学习本节(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125" />
        <source>&amp;Quiz…</source>
        <translation>测验(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125" />
        <source>S&amp;tatistics</source>
        <translation>统计(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="128" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="129" />
        <source>Search cards (Ctrl+F)</source>
        <translation>搜索卡片 (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="238" />
        <source>Deleted %n card(s). Ctrl+Z undoes it.</source>
        <translation><numerusform>已删除 %n 张卡片。按 Ctrl+Z 撤销。</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="259" />
        <source>Texts</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="259" />
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="260" />
        <source>Import a talk or article</source>
        <translation>导入演讲或文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="267" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="275" />
        <source>Imported “%1”: %2 new cards, %3 kept.</source>
        <translation>已导入“%1”：新增 %2 张卡片，保留 %3 张。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="280" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="342" />
        <source>%1 cards</source>
        <translation>%1 张卡片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="48" />
        <source>Choose a section in the outline.</source>
        <translation>请在大纲中选择一个章节。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="94" />
        <source>New cloze card from selection</source>
        <translation>用所选文字新建填空卡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="95" />
        <source>New question with selection as answer</source>
        <translation>新建问答卡，以所选文字为答案</translation>
    </message>
</context>
</TS>
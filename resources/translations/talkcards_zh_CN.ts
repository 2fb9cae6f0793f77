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
      <location filename="../../desktop/ui/card_model.py" line="153" />
      <source>Front</source>
      <translation>正面</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_editor.py" line="29" />
      <location filename="../../desktop/ui/card_model.py" line="153" />
      <source>Back</source>
      <translation>背面</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_editor.py" line="33" />
      <location filename="../../desktop/ui/card_preview.py" line="45" />
      <source>Source</source>
      <translation>出处</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_model.py" line="153" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_model.py" line="153" />
      <location filename="../../desktop/ui/card_preview.py" line="46" />
      <source>Section</source>
      <translation>章节</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_model.py" line="154" />
      <location filename="../../desktop/ui/overview.py" line="17" />
      <location filename="../../desktop/ui/review.py" line="271" />
      <location filename="../../desktop/ui/stats.py" line="103" />
      <source>Due</source>
      <translation>到期</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_model.py" line="229" />
      <source>Cloze</source>
      <translation>填空</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_model.py" line="229" />
      <source>Basic</source>
      <translation>问答</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_model.py" line="232" />
      <source>Dropped</source>
      <translation>已舍弃</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_model.py" line="235" />
      <location filename="../../desktop/ui/overview.py" line="17" />
      <location filename="../../desktop/ui/review.py" line="270" />
      <location filename="../../desktop/ui/stats.py" line="26" />
      <source>New</source>
      <translation>新卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="250" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="250" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="250" />
      <source>&amp;Study</source>
      <translation>学习(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="251" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="251" />
      <source>&amp;Tools</source>
      <translation>工具(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="272" />
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="273" />
      <source>&amp;Export…</source>
      <translation>导出(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="273" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="276" />
      <source>&amp;Find cards</source>
      <translation>查找卡片(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="277" />
      <source>Edit &amp;card…</source>
      <translation>编辑卡片(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="278" />
      <source>&amp;Suspend / unsuspend</source>
      <translation>暂停 / 恢复(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="278" />
      <source>&amp;Delete cards</source>
      <translation>删除卡片(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Undo delete</source>
      <translation type="vanished">撤销删除(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="280" />
      <source>&amp;Review all due cards</source>
      <translation>复习所有到期卡片(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="281" />
      <source>Study this &amp;document</source>
      <translation>学习本文档(&amp;D)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="281" />
      <source>Study this &amp;section</source>
      <translation>学习本节(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="282" />
      <source>&amp;Quiz…</source>
      <translation>测验(&amp;Q)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="282" />
      <source>S&amp;tatistics</source>
      <translation>统计(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="283" />
      <source>Study &amp;options…</source>
      <translation>学习选项(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="283" />
      <source>&amp;Check collection</source>
      <translation>检查卡片库(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="284" />
      <source>&amp;Restore backup…</source>
      <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="257" />
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="251" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="258" />
      <source>&amp;Theme</source>
      <translation>主题(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="259" />
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="259" />
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="259" />
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="261" />
      <source>Toolbar</source>
      <translation>工具栏</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="262" />
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="263" />
      <source>Rename, tag, re-import or delete this document</source>
      <translation>重命名、添加标签、重新导入或删除此文档</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="264" />
      <source>Search cards (Ctrl+F)</source>
      <translation>搜索卡片 (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="266" />
      <source>Search the whole collection, not only the selected section</source>
      <translation>在整个卡片库中搜索，而不只是所选章节</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="271" />
      <source>Flag &amp;red</source>
      <translation>红色旗标(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="271" />
      <source>Flag &amp;orange</source>
      <translation>橙色旗标(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="271" />
      <source>Flag &amp;green</source>
      <translation>绿色旗标(&amp;G)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="271" />
      <source>Flag &amp;blue</source>
      <translation>蓝色旗标(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="272" />
      <source>Import from &amp;web page…</source>
      <translation>从网页导入(&amp;W)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="273" />
      <source>&amp;Paste as new document</source>
      <translation>粘贴为新文档(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="274" />
      <source>Re&amp;name document…</source>
      <translation>重命名文档(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="274" />
      <source>Document &amp;tags…</source>
      <translation>文档标签(&amp;T)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="275" />
      <source>Re-import from the &amp;original file</source>
      <translation>从原文件重新导入(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="275" />
      <source>De&amp;lete document</source>
      <translation>删除文档(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="276" />
      <source>Undo the last &amp;review</source>
      <translation>撤销上一次复习(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="277" />
      <source>Card ta&amp;gs…</source>
      <translation>卡片标签(&amp;G)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="277" />
      <source>&amp;Keep cards</source>
      <translation>保留卡片(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="278" />
      <source>D&amp;rop cards</source>
      <translation>舍弃卡片(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="280" />
      <source>Study &amp;now</source>
      <translation>立即学习(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="282" />
      <source>Check suggested &amp;cards…</source>
      <translation>检查建议卡片(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="284" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="285" />
      <source>&amp;About TalkCards</source>
      <translation>关于 TalkCards(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="366" />
      <source>Keep all cards of this section</source>
      <translation>保留本节的全部卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="367" />
      <source>Drop all cards of this section</source>
      <translation>舍弃本节的全部卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="372" />
      <source>the whole collection</source>
      <translation>整个卡片库</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="381" />
      <source>Rename document</source>
      <translation>重命名文档</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="381" />
      <source>Title:</source>
      <translation>标题：</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="390" />
      <source>Tags for every card of “%1”</source>
      <translation>“%1”所有卡片的标签</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="395" />
      <source>Separate tags with spaces.</source>
      <translation>标签之间用空格分隔。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="407" />
      <source>Re-import</source>
      <translation>重新导入</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="407" />
      <source>The original file is no longer there: %1</source>
      <translation>原文件已不在：%1</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="423" />
      <source>delete document</source>
      <translation>删除文档</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="425" />
      <source>Deleted “%1”. Ctrl+Z brings it back.</source>
      <translation>已删除“%1”。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/main_window.py" line="521" />
      <source>Tags for %n selected card(s)</source>
      <translation>
        <numerusform>所选 %n 张卡片的标签</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="563" />
      <source>keep</source>
      <translation>保留</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="563" />
      <source>drop</source>
      <translation>舍弃</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/main_window.py" line="565" />
      <source>Kept %n card(s).</source>
      <translation>
        <numerusform>已保留 %n 张卡片。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/main_window.py" line="565" />
      <source>Dropped %n card(s).</source>
      <translation>
        <numerusform>已舍弃 %n 张卡片。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/main_window.py" line="575" />
      <source>Deleting %n card(s)…</source>
      <translation>
        <numerusform>正在删除 %n 张卡片…</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="576" />
      <source>delete</source>
      <translation>删除</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/main_window.py" line="577" />
      <source>Restoring %n card(s)…</source>
      <translation>
        <numerusform>正在恢复 %n 张卡片…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/main_window.py" line="578" />
      <source>Deleted %n card(s). Ctrl+Z undoes it.</source>
      <translation>
        <numerusform>已删除 %n 张卡片。按 Ctrl+Z 撤销。</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="610" />
      <source>&amp;Undo %1</source>
      <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="610" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="620" />
      <source>There is no review to undo.</source>
      <translation>没有可撤销的复习。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="623" />
      <source>The last review was undone.</source>
      <translation>已撤销上一次复习。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="638" />
      <source>Talks and articles</source>
      <translation>讲座与文章</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="638" />
      <source>Texts and web pages</source>
      <translation>文本与网页</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="639" />
      <source>Subtitles</source>
      <translation>字幕</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="639" />
      <source>PDF slides and papers</source>
      <translation>PDF 幻灯片与论文</translation>
    </message>
    <message>
      <source>Texts</source>
      <translation type="vanished">文本</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="640" />
      <source>All files</source>
      <translation>所有文件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="640" />
      <source>E-books</source>
      <translation>电子书</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="642" />
      <source>Import a talk or article</source>
      <translation>导入演讲或文章</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="649" />
      <source>Importing %1…</source>
      <translation>正在导入 %1…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="654" />
      <source>Import from web page</source>
      <translation>从网页导入</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="654" />
      <source>Address of the page:</source>
      <translation>网页地址：</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="661" />
      <source>Fetching %1…</source>
      <translation>正在获取 %1…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="673" />
      <source>The clipboard holds no text to study.</source>
      <translation>剪贴板里没有可学习的文字。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="690" />
      <source>Importing the pasted text…</source>
      <translation>正在导入粘贴的文字…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="698" />
      <source>Working…</source>
      <translation>正在处理…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="719" />
      <source>Imported “%1”: %2 new cards, %3 kept.</source>
      <translation>已导入“%1”：新增 %2 张卡片，保留 %3 张。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="724" />
      <source>Import failed</source>
      <translation>导入失败</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="769" />
      <source>A review is already open; finish or close it first.</source>
      <translation>已有一个复习窗口打开，请先完成或关闭它。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="831" />
      <source>This document</source>
      <translation>本文档</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="867" />
      <source>Checking the collection…</source>
      <translation>正在检查卡片库…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="873" />
      <source>Check collection</source>
      <translation>检查卡片库</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="880" />
      <source>Wait until the current work has finished.</source>
      <translation>请等待当前任务完成。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="889" />
      <source>The backup was restored.</source>
      <translation>备份已恢复。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="957" />
      <source>Importing the bundled talk and making its cards…</source>
      <translation>正在导入内置讲座并生成卡片…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="970" />
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/main_window.py" line="975" />
      <source>%n card(s) in %1</source>
      <translation>
        <numerusform>%1 中的 %n 张卡片</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="978" />
      <source>%1 of %2 in %3 · search %4</source>
      <translation>%3 中 %2 张里的 %1 张 · 搜索 %4</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/main_window.py" line="985" />
      <source>%n more in other places (All documents)</source>
      <translation>
        <numerusform>其他位置还有 %n 张（所有文档）</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 cards</source>
      <translation type="vanished">%1 张卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader.py" line="67" />
      <source>Import a talk or article to begin (File ▸ Import…).</source>
      <translation>导入一篇演讲或文章开始学习（文件 ▸ 导入…）。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader.py" line="119" />
      <source>New cloze card from selection</source>
      <translation>用所选文字新建填空卡</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader.py" line="120" />
      <source>New question with selection as answer</source>
      <translation>新建问答卡，以所选文字为答案</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="38" />
      <source>Anki deck (.apkg)</source>
      <translation>Anki 牌组 (.apkg)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="38" />
      <source>Anki text, tab-separated (.txt)</source>
      <translation>Anki 文本，制表符分隔 (.txt)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="39" />
      <source>Markdown outline with cards (.md)</source>
      <translation>带卡片的 Markdown 大纲 (.md)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="162" />
      <location filename="../../desktop/ui/export_dialog.py" line="169" />
      <location filename="../../desktop/ui/export_dialog.py" line="304" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="163" />
      <source>&amp;Documents:</source>
      <translation>文档(&amp;D)：</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="164" />
      <source>&amp;Format:</source>
      <translation>格式(&amp;F)：</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="165" />
      <source>&amp;Save to:</source>
      <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="166" />
      <location filename="../../desktop/ui/main_window.py" line="265" />
      <source>All documents</source>
      <translation>所有文档</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="167" />
      <source>Include suspended cards</source>
      <translation>包括已暂停的卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="168" />
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/export_dialog.py" line="175" />
      <source>%n card(s)</source>
      <translation>
        <numerusform>%n 张卡片</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="240" />
      <source>Export to</source>
      <translation>导出到</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="264" />
      <source>Choose at least one document to export.</source>
      <translation>请至少选择一个要导出的文档。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/export_dialog.py" line="285" />
      <source>Exported %n card(s) to {path}.</source>
      <translation>
        <numerusform>已导出 %n 张卡片到 {path}。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/export_dialog.py" line="287" />
      <source>Exported %n note(s) to {path}.</source>
      <translation>
        <numerusform>已导出 %n 条笔记到 {path}。</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="289" />
      <source>The chosen documents have no cards yet.</source>
      <translation>所选文档还没有卡片。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="330" />
      <source>You may not write to {path}. Choose another folder.</source>
      <translation>没有写入 {path} 的权限。请选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="332" />
      <source>The folder {folder} does not exist. Choose another one.</source>
      <translation>文件夹 {folder} 不存在。请选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="334" />
      <source>Could not write {path}: {reason}.</source>
      <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/export_dialog.py" line="335" />
      <source>Could not export: {reason}</source>
      <translation>无法导出：{reason}</translation>
    </message>
    <message>
      <source>Mastery: %1 %</source>
      <translation type="vanished">掌握程度：%1 %</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="188" />
      <source>Quiz</source>
      <translation>测验</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="189" />
      <source>Typed answer</source>
      <translation>输入答案</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="189" />
      <source>Multiple choice</source>
      <translation>选择题</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="189" />
      <source>Cram</source>
      <translation>突击复习</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="196" />
      <source>Also record as reviews</source>
      <translation>同时记为复习</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="197" />
      <source>Shuffle</source>
      <translation>打乱顺序</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="198" />
      <source>I was right (Ctrl+Enter)</source>
      <translation>我答对了 (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="199" />
      <source>Retry the missed ones (R)</source>
      <translation>重做答错的题 (R)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="200" />
      <source>Type the answer, then press Enter</source>
      <translation>输入答案，然后按 Enter</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="258" />
      <source>Enter: check, then next card</source>
      <translation>Enter：检查，然后下一张</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="278" />
      <source>Preparing choices…</source>
      <translation>正在准备选项…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="287" />
      <source>Keys 1–4 choose; Enter: next card</source>
      <translation>按 1–4 选择；Enter：下一张</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="292" />
      <source>Space: flip, then next card; ←/→: previous/next</source>
      <translation>空格：翻面，然后下一张；←/→：上一张/下一张</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="299" />
      <source>Esc: close</source>
      <translation>Esc：关闭</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="301" />
      <source>There are no cards to quiz here.</source>
      <translation>这里没有可以测验的卡片。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="303" />
      <source>That was the last card.</source>
      <translation>这是最后一张卡片。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="305" />
      <source>Score: %1 / %2</source>
      <translation>得分：%1 / %2</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="317" />
      <source>Missed:</source>
      <translation>答错的题：</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="327" />
      <location filename="../../desktop/ui/quiz_dialog.py" line="342" />
      <source>Correct!</source>
      <translation>正确！</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="327" />
      <location filename="../../desktop/ui/quiz_dialog.py" line="342" />
      <source>Not quite.</source>
      <translation>不太对。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/quiz_dialog.py" line="370" />
      <source>Counted as right.</source>
      <translation>已算作答对。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="63" />
      <location filename="../../desktop/ui/stats.py" line="98" />
      <source>Whole collection</source>
      <translation>整个卡片集</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="15" />
      <source>Show the answer</source>
      <translation>显示答案</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="15" />
      <source>Space or Enter</source>
      <translation>空格或回车</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="15" />
      <source>Again / Hard / Good / Easy</source>
      <translation>重来 / 困难 / 良好 / 简单</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="16" />
      <source>Edit the card</source>
      <translation>编辑卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="16" />
      <source>Bury the card until tomorrow</source>
      <translation>搁置卡片到明天</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="16" />
      <source>Suspend the card</source>
      <translation>暂停卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="17" />
      <source>Flag the card</source>
      <translation>给卡片加旗标</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="17" />
      <source>Delete the card</source>
      <translation>删除卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="18" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="22" />
      <source>Keep</source>
      <translation>保留</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="22" />
      <source>K, Space or Enter</source>
      <translation>K、空格或回车</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="22" />
      <source>Drop</source>
      <translation>舍弃</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="22" />
      <source>D or Delete</source>
      <translation>D 或 Delete</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="22" />
      <source>Edit, then keep</source>
      <translation>编辑后保留</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="23" />
      <source>Back to the previous card</source>
      <translation>回到上一张卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="23" />
      <source>Backspace</source>
      <translation>退格键</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="41" />
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="43" />
      <location filename="../../desktop/ui/review.py" line="194" />
      <location filename="../../desktop/ui/stats.py" line="26" />
      <source>Review</source>
      <translation>复习</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="43" />
      <source>Main window</source>
      <translation>主窗口</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="44" />
      <source>Checking suggested cards</source>
      <translation>检查建议卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="57" />
      <source>development version</source>
      <translation>开发版本</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="61" />
      <source>About TalkCards</source>
      <translation>关于 TalkCards</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="63" />
      <source>Keep what you learned from a talk: its outline, its text and flashcards made from it, studied offline with FSRS and exported to Anki.</source>
      <translation>记住从讲座中学到的东西：它的大纲、原文和由它生成的闪卡，用 FSRS 离线复习，并可导出到 Anki。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="65" />
      <source>Everything stays in one file on this computer.</source>
      <translation>所有数据都保存在这台电脑上的一个文件中。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="33" />
      <source>&lt;1m</source>
      <translation>&lt;1分钟</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="33" />
      <source>%1m</source>
      <translation>%1分钟</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="33" />
      <source>%1h</source>
      <translation>%1小时</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="33" />
      <source>%1d</source>
      <translation>%1天</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="33" />
      <source>%1mo</source>
      <translation>%1个月</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="33" />
      <source>%1y</source>
      <translation>%1年</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="38" />
      <source>Red</source>
      <translation>红色</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="38" />
      <source>Orange</source>
      <translation>橙色</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="38" />
      <source>Green</source>
      <translation>绿色</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="38" />
      <source>Blue</source>
      <translation>蓝色</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="196" />
      <source>Show answer (Space)</source>
      <translation>显示答案（空格）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="32" />
      <source>Select a card to preview it.</source>
      <translation>选择一张卡片即可预览。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="55" />
      <source>Not reviewed yet.</source>
      <translation>尚未复习。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="56" />
      <location filename="../../desktop/ui/review.py" line="197" />
      <source>Again</source>
      <translation>重来</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="56" />
      <location filename="../../desktop/ui/review.py" line="197" />
      <source>Hard</source>
      <translation>困难</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="56" />
      <location filename="../../desktop/ui/review.py" line="197" />
      <source>Good</source>
      <translation>良好</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="56" />
      <location filename="../../desktop/ui/review.py" line="197" />
      <source>Easy</source>
      <translation>简单</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="61" />
      <source>History</source>
      <translation>复习记录</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="200" />
      <location filename="../../desktop/ui/triage.py" line="93" />
      <source>Edit (E)</source>
      <translation>编辑 (E)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="201" />
      <source>Show in outline</source>
      <translation>在大纲中显示</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="202" />
      <source>Undo (Ctrl+Z)</source>
      <translation>撤销 (Ctrl+Z)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="203" />
      <source>More</source>
      <translation>更多</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="204" />
      <source>Bury until tomorrow	-</source>
      <translation>搁置到明天	-</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="204" />
      <source>Suspend	@</source>
      <translation>暂停	@</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="205" />
      <source>Delete	Ctrl+Delete</source>
      <translation>删除	Ctrl+Delete</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="208" />
      <source>Flag %1</source>
      <translation>%1旗标</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="337" />
      <location filename="../../desktop/ui/review.py" line="338" />
      <source>The card is back.</source>
      <translation>卡片已恢复。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="339" />
      <source>Flag undone.</source>
      <translation>已撤销旗标。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="359" />
      <source>Card buried until tomorrow.</source>
      <translation>卡片已搁置到明天。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="364" />
      <source>Card suspended.</source>
      <translation>卡片已暂停。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="367" />
      <source>Card deleted.</source>
      <translation>卡片已删除。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/help_dialogs.py" line="18" />
      <location filename="../../desktop/ui/review.py" line="209" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="210" />
      <source>Congratulations! You have finished for now.</source>
      <translation>恭喜！今天的复习已经完成。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="252" />
      <source>Source: %1 — %2</source>
      <translation>出处：%1 — %2</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/overview.py" line="17" />
      <location filename="../../desktop/ui/review.py" line="270" />
      <location filename="../../desktop/ui/stats.py" line="26" />
      <source>Learning</source>
      <translation>学习中</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/overview.py" line="21" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/overview.py" line="57" />
      <source>Collection</source>
      <translation>卡片库</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/overview.py" line="65" />
      <source>Study now (Space)</source>
      <translation>立即学习（空格）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/overview.py" line="65" />
      <source>Nothing to study now</source>
      <translation>现在没有要学习的卡片</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/overview.py" line="67" />
      <source>Check %n suggested card(s)…</source>
      <translation>
        <numerusform>检查 %n 张建议卡片…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/review.py" line="278" />
      <source>Reviewed %n card(s) in this session.</source>
      <translation>
        <numerusform>本次复习了 %n 张卡片。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/review.py" line="280" />
      <source>(%n answers)</source>
      <translation>
        <numerusform>（共作答 %n 次）</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="283" />
      <source>The next card is due in %1.</source>
      <translation>下一张卡片将在 %1 后到期。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="322" />
      <location filename="../../desktop/ui/review.py" line="327" />
      <source>Nothing to undo.</source>
      <translation>没有可撤销的操作。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/review.py" line="337" />
      <source>Review undone.</source>
      <translation>已撤销复习。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="26" />
      <source>Relearning</source>
      <translation>重新学习</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_model.py" line="234" />
      <location filename="../../desktop/ui/stats.py" line="27" />
      <source>Suspended</source>
      <translation>已暂停</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="96" />
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="97" />
      <source>Show:</source>
      <translation>显示：</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="21" />
      <source>On closing</source>
      <translation>关闭时</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="21" />
      <source>While studying</source>
      <translation>学习期间</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="21" />
      <source>Before an upgrade</source>
      <translation>升级之前</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="22" />
      <source>Before deleting cards</source>
      <translation>删除卡片之前</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="22" />
      <source>Before re-importing</source>
      <translation>重新导入之前</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="23" />
      <source>Before restoring a backup</source>
      <translation>恢复备份之前</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="23" />
      <source>Backed up by hand</source>
      <translation>手动备份</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="24" />
      <source>Before checking the collection</source>
      <translation>检查卡片库之前</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="39" />
      <location filename="../../desktop/ui/backup_dialog.py" line="100" />
      <location filename="../../desktop/ui/main_window.py" line="880" />
      <source>Backups</source>
      <translation>备份</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="43" />
      <location filename="../../desktop/ui/stats.py" line="101" />
      <source>Reviews</source>
      <translation>复习</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="43" />
      <source>Taken</source>
      <translation>备份时间</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="43" />
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="43" />
      <source>Documents</source>
      <translation>文档</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="43" />
      <source>Cards</source>
      <translation>卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="55" />
      <source>TalkCards backs up when it closes, every half hour while you study, and before upgrades, deletions and re-imports. It keeps the newest few, one a day for a week and one a week for a month.</source>
      <translation>TalkCards 会在关闭时、学习期间每半小时，以及升级、删除和重新导入之前自动备份。它保留最近的几份、一周内每天一份、一个月内每周一份。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="60" />
      <source>&amp;Restore</source>
      <translation>恢复(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="61" />
      <source>&amp;Back up now</source>
      <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="62" />
      <source>Open &amp;folder</source>
      <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="81" />
      <source>unreadable</source>
      <translation>无法读取</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="100" />
      <source>The backup could not be written. Is the disk full?</source>
      <translation>无法写入备份。磁盘是否已满？</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="107" />
      <source>Replace your collection with the backup of %1? Your collection as it is now is backed up first, so you can come back to it.</source>
      <translation>要用 %1 的备份替换当前卡片库吗？当前的卡片库会先备份，之后仍可恢复。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="109" />
      <location filename="../../desktop/ui/backup_dialog.py" line="116" />
      <source>Restore backup</source>
      <translation>恢复备份</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="134" />
      <source>Your collection file is damaged and cannot be opened.</source>
      <translation>你的卡片库文件已损坏，无法打开。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="136" />
      <source>The damaged file is kept beside the new one, so nothing is deleted.</source>
      <translation>损坏的文件会保留在新文件旁边，不会删除任何内容。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="138" />
      <source>There is no backup to restore. TalkCards can start with an empty collection.</source>
      <translation>没有可恢复的备份。TalkCards 可以使用空卡片库启动。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="142" />
      <source>The newest backup is from %1: %2 documents, %3 cards, %4 reviews.</source>
      <translation>最新的备份来自 %1：%2 个文档、%3 张卡片、%4 条复习记录。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="146" />
      <source>Restore the backup</source>
      <translation>恢复备份</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="147" />
      <source>Start empty</source>
      <translation>从空卡片库开始</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="148" />
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="158" />
      <source>%1 reviews of cards that no longer exist were removed.</source>
      <translation>已删除 %1 条所属卡片已不存在的复习记录。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="159" />
      <source>%1 cards of documents that no longer exist were removed.</source>
      <translation>已删除 %1 张所属文档已不存在的卡片。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="160" />
      <source>%1 cards whose section was missing were moved to their document's first section.</source>
      <translation>%1 张卡片的章节已丢失，已移到其文档的第一个章节。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="161" />
      <source>%1 cards with an unreadable schedule were reset to new.</source>
      <translation>%1 张卡片的排程数据无法读取，已重置为新卡片。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="162" />
      <source>The file is sound.</source>
      <translation>文件完好。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="163" />
      <source>SQLite reports damage: %1. Restore a backup (Tools ▸ Restore backup…).</source>
      <translation>SQLite 报告文件已损坏：%1。请恢复一个备份（工具 ▸ 恢复备份…）。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="166" />
      <source>Nothing needed repair.</source>
      <translation>没有需要修复的内容。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup_dialog.py" line="167" />
      <source>The search index was rebuilt.</source>
      <translation>已重建搜索索引。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="102" />
      <source>Reviews per day, last %1 days: %2</source>
      <translation>每日复习量，最近 %1 天：%2</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="104" />
      <source>Due in the next %1 days: %2</source>
      <translation>未来 %1 天到期：%2</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="146" />
      <source>Cards by state: %1</source>
      <translation>卡片状态：%1</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="163" />
      <location filename="../../desktop/ui/stats.py" line="168" />
      <source>True retention</source>
      <translation>真实保持率</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="163" />
      <source>No figure yet</source>
      <translation>暂无数据</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="164" />
      <source>It appears once cards you have learned come up for review again: the share of those reviews you pass.</source>
      <translation>等已学会的卡片再次到期复习后才会显示：即这些复习中你答对的比例。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="170" />
      <source>Last %1 days: %2 of %3 reviews of mature-path cards passed.</source>
      <translation>最近 %1 天：复习阶段卡片的 %3 次复习中通过 %2 次。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="172" />
      <source>All time: %1 (%2 of %3).</source>
      <translation>全部时间：%1（%3 次中 %2 次）。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="174" />
      <source>Counts reviews of cards in the Review state; Hard, Good and Easy pass, Again fails.</source>
      <translation>只统计处于复习阶段的卡片；困难、良好、简单算通过，重来算未通过。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/study_settings.py" line="18" />
      <source>Study options</source>
      <translation>学习选项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/study_settings.py" line="25" />
      <source> days</source>
      <translation> 天</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/study_settings.py" line="26" />
      <source>Bury the other cards of a sentence until tomorrow</source>
      <translation>把同一句的其他卡片搁置到明天</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/study_settings.py" line="29" />
      <source>Fit FSRS to my reviews</source>
      <translation>根据我的复习记录拟合 FSRS 参数</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/study_settings.py" line="31" />
      <source>Reviews are scheduled by FSRS.</source>
      <translation>复习由 FSRS 算法安排。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/study_settings.py" line="34" />
      <source>Desired retention</source>
      <translation>期望记忆保持率</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/study_settings.py" line="35" />
      <source>New cards per day</source>
      <translation>每日新卡片数</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/study_settings.py" line="36" />
      <source>Maximum interval</source>
      <translation>最大间隔</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/study_settings.py" line="55" />
      <source>Fitting…</source>
      <translation>正在拟合…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/error_dialog.py" line="30" />
      <source>Something went wrong</source>
      <translation>出错了</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/error_dialog.py" line="33" />
      <source>Your collection is safe: every change before this was saved. If this keeps happening, copy the details into a bug report.</source>
      <translation>你的卡片库是安全的：此前的每项更改都已保存。如果反复出现，请复制详细信息并提交错误报告。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/error_dialog.py" line="36" />
      <source>Copy details</source>
      <translation>复制详细信息</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/error_dialog.py" line="46" />
      <source>The disk is full, so the last change was not saved. Free some space, then try again.</source>
      <translation>磁盘已满，最后一项更改未能保存。请腾出一些空间后重试。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/error_dialog.py" line="48" />
      <source>The collection file cannot be written (it or its folder is read-only), so the last change was not saved.</source>
      <translation>无法写入卡片库文件（文件或其文件夹为只读），最后一项更改未能保存。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/error_dialog.py" line="50" />
      <source>TalkCards hit an unexpected error: %1</source>
      <translation>TalkCards 遇到了意外错误：%1</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/launch.py" line="70" />
      <source>Importing the bundled talk…</source>
      <translation>正在导入内置讲座…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/launch.py" line="96" />
      <source>TalkCards started with an empty collection. The damaged file was kept as %1.</source>
      <translation>TalkCards 已使用空卡片库启动。损坏的文件保留为 %1。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/launch.py" line="98" />
      <source>The backup of %2 was restored. The damaged file was kept as %1.</source>
      <translation>已恢复 %2 的备份。损坏的文件保留为 %1。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/launch.py" line="144" />
      <source>TalkCards is already open on the data folder %1 (process %2). Close it first, or choose another folder with --data-dir.</source>
      <translation>TalkCards 已在数据文件夹 %1 上打开（进程 %2）。请先关闭它，或用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="48" />
      <location filename="../../desktop/ui/main_window.py" line="395" />
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="60" />
      <source>Reviewed</source>
      <translation>复习时间</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="60" />
      <source>Answer</source>
      <translation>回答</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/card_preview.py" line="60" />
      <source>Next due</source>
      <translation>下次到期</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mastery.py" line="62" />
      <source>Mastery %1 %: %2 of %3 cards learned.</source>
      <translation>掌握度 %1 %：%3 张卡片中已学会 %2 张。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mastery.py" line="64" />
      <source>The share of this section you would recall now: new cards and cards you are still learning or relearning count as forgotten.</source>
      <translation>即你现在能回忆起的本节内容比例：新卡片以及仍在学习或重新学习中的卡片都按遗忘计算。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="18" />
      <source>No such file: %1</source>
      <translation>找不到文件：%1</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="20" />
      <source>%1 is a folder; choose a text, Markdown or HTML file.</source>
      <translation>%1 是一个文件夹；请选择文本、Markdown 或 HTML 文件。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="22" />
      <source>%1 is not a regular file; choose a text, Markdown or HTML file.</source>
      <translation>%1 不是普通文件；请选择文本、Markdown 或 HTML 文件。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="24" />
      <source>%1 is larger than %2 MB; TalkCards imports talks and articles.</source>
      <translation>%1 大于 %2 MB；TalkCards 只导入讲座和文章。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="25" />
      <source>%1 could not be read: %2.</source>
      <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="26" />
      <source>The file has no article text to study.</source>
      <translation>文件中没有可学习的正文。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="27" />
      <source>The file is empty.</source>
      <translation>文件是空的。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="29" />
      <source>The file is larger than %1 MB; TalkCards imports talks and articles, not archives.</source>
      <translation>文件大于 %1 MB；TalkCards 只导入讲座和文章，不导入压缩包。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="30" />
      <source>The file looks binary, not text.</source>
      <translation>这个文件看起来是二进制文件，不是文本。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="32" />
      <source>The file starts with a %1 byte-order mark but is not valid %1.</source>
      <translation>文件以 %1 字节顺序标记开头，但内容不是有效的 %1。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="34" />
      <source>The file's text encoding could not be recognised; save it as UTF-8 and try again.</source>
      <translation>无法识别文件的文本编码；请另存为 UTF-8 后重试。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="36" />
      <source>%1 did not answer within %2 seconds; try again later.</source>
      <translation>%1 在 %2 秒内没有响应，请稍后再试。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="38" />
      <source>%1 is not a web address; enter one that starts with http:// or https://.</source>
      <translation>%1 不是网页地址，请输入以 http:// 或 https:// 开头的地址。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="40" />
      <source>%1 redirects to %2, which is not an http:// or https:// address.</source>
      <translation>%1 跳转到 %2，它不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="42" />
      <source>%1 redirects too many times; open it in a browser and copy the final address.</source>
      <translation>%1 跳转次数过多，请在浏览器中打开它并复制最终地址。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="44" />
      <source>Could not reach %1; check the connection and the address.</source>
      <translation>无法连接 %1，请检查网络连接和地址。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="46" />
      <source>EPUB import needs the optional package EbookLib: install it with pip install 'talkcards[epub]'.</source>
      <translation>导入 EPUB 需要可选组件 EbookLib：请用 pip install 'talkcards[epub]' 安装。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="48" />
      <source>Enter a web address, such as https://example.com/article.</source>
      <translation>请输入网页地址，例如 https://example.com/article。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="50" />
      <source>Line %1 has a broken cue time “%2”; cue times look like %3.</source>
      <translation>第 %1 行的字幕时间“%2”有误；字幕时间的格式应为 %3。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="52" />
      <source>The EPUB file is damaged or incomplete; download or copy it again.</source>
      <translation>这个 EPUB 文件已损坏或不完整，请重新下载或复制。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="54" />
      <source>The EPUB is protected by DRM, so its text cannot be read; import a DRM-free copy.</source>
      <translation>这本 EPUB 受 DRM 保护，无法读取其文字；请导入没有 DRM 的版本。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="56" />
      <source>The EPUB lists no chapters in its reading order (spine), so it has no text to import.</source>
      <translation>这本 EPUB 的阅读顺序（spine）中没有任何章节，因此没有可导入的文字。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="58" />
      <source>The EPUB unpacks to more than %1 MB; TalkCards imports books up to that size.</source>
      <translation>这本 EPUB 解压后超过 %1 MB；TalkCards 只导入不超过这个大小的书。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="60" />
      <source>The PDF has no text layer (it is probably scanned); TalkCards needs the text, so run it through OCR first or import a text version.</source>
      <translation>这个 PDF 没有文字层（可能是扫描件）；TalkCards 需要文字，请先做 OCR 文字识别，或导入文字版。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="62" />
      <source>The PDF is damaged or incomplete (perhaps its download stopped early); download or export it again.</source>
      <translation>这个 PDF 已损坏或不完整（可能下载中途停止了），请重新下载或导出。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="64" />
      <source>The PDF is encrypted in a way TalkCards cannot read; save an unencrypted copy (for example with Print to PDF) and import that.</source>
      <translation>这个 PDF 的加密方式 TalkCards 无法读取；请另存一份未加密的副本（例如用“打印为 PDF”）再导入。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="66" />
      <source>The PDF is password-protected; save a copy without the password (for example with Print to PDF) and import that.</source>
      <translation>这个 PDF 设有密码；请另存一份没有密码的副本（例如用“打印为 PDF”）再导入。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="68" />
      <source>The address %1 gives a file of type %2, which TalkCards cannot read; choose a web page, text, subtitles, PDF or EPUB.</source>
      <translation>地址 %1 提供的是 %2 类型的文件，TalkCards 无法读取；请选择网页、文本、字幕、PDF 或 EPUB。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="70" />
      <source>The connection to %1 broke off; try again.</source>
      <translation>与 %1 的连接中断了，请重试。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="72" />
      <source>The file is not an EPUB book (an EPUB is a ZIP archive with META-INF/container.xml).</source>
      <translation>这个文件不是 EPUB 电子书（EPUB 是含有 META-INF/container.xml 的 ZIP 压缩包）。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="74" />
      <source>The file reads as neither SubRip nor WebVTT captions: it should start with “WEBVTT” or with cue number 1 and its times.</source>
      <translation>这个文件既不是 SubRip 也不是 WebVTT 字幕：它应以“WEBVTT”开头，或以第 1 条字幕的序号和时间开头。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="76" />
      <source>The file's name ends in .pdf but it does not hold a PDF.</source>
      <translation>文件名以 .pdf 结尾，但内容不是 PDF。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="78" />
      <source>The page %1 answered %2 %3; check the address.</source>
      <translation>网页 %1 返回 %2 %3，请检查地址。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="80" />
      <source>The page %1 has no article text to study.</source>
      <translation>网页 %1 中没有可学习的文章内容。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="82" />
      <source>The page %1 is empty.</source>
      <translation>网页 %1 是空的。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="84" />
      <source>The secure connection to %1 failed (%2); check the address.</source>
      <translation>与 %1 的安全连接失败（%2），请检查地址。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="86" />
      <source>The site of %1 answered %2 %3; try again later.</source>
      <translation>%1 所在的网站返回 %2 %3，请稍后再试。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="88" />
      <source>The site refused to give %1 to TalkCards (%2 %3); save the page from your browser and import the file.</source>
      <translation>网站拒绝向 TalkCards 提供 %1（%2 %3）；请在浏览器中保存网页，再导入保存的文件。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/messages.py" line="90" />
      <source>The subtitles have no cue with text to study.</source>
      <translation>字幕中没有可学习的文字。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/triage.py" line="92" />
      <source>Check suggested cards</source>
      <translation>检查建议卡片</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/triage.py" line="93" />
      <source>Back (Backspace)</source>
      <translation>返回（退格）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/triage.py" line="93" />
      <source>Drop (D)</source>
      <translation>舍弃 (D)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/triage.py" line="94" />
      <source>Keep (K)</source>
      <translation>保留 (K)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/triage.py" line="94" />
      <source>Keep all the rest</source>
      <translation>其余全部保留</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/triage.py" line="111" />
      <source>Card %1 of %2</source>
      <translation>第 %1 张，共 %2 张</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/triage.py" line="118" />
      <source>From:</source>
      <translation>出处：</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/triage.py" line="122" />
      <source>All suggestions checked.</source>
      <translation>所有建议卡片都已检查。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/triage.py" line="124" />
      <source>Kept %1, dropped %2.</source>
      <translation>保留 %1 张，舍弃 %2 张。</translation>
    </message>
  </context>
</TS>
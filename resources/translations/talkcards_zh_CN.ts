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
        <location filename="../../desktop/ui/card_model.py" line="78" />
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_editor.py" line="29" />
        <location filename="../../desktop/ui/card_model.py" line="78" />
        <source>Back</source>
        <translation>背面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_editor.py" line="33" />
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="78" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="78" />
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="79" />
        <location filename="../../desktop/ui/review.py" line="216" />
        <location filename="../../desktop/ui/stats.py" line="102" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="133" />
        <source>Cloze</source>
        <translation>填空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="133" />
        <source>Basic</source>
        <translation>问答</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/card_model.py" line="135" />
        <location filename="../../desktop/ui/review.py" line="215" />
        <location filename="../../desktop/ui/stats.py" line="26" />
        <source>New</source>
        <translation>新卡片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="139" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="139" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="139" />
        <source>&amp;Study</source>
        <translation>学习(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="140" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="142" />
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="142" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="142" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="143" />
        <source>&amp;Find cards</source>
        <translation>查找卡片(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="143" />
        <source>Edit &amp;card…</source>
        <translation>编辑卡片(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="143" />
        <source>&amp;Suspend / unsuspend</source>
        <translation>暂停 / 恢复(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="144" />
        <source>&amp;Delete cards</source>
        <translation>删除卡片(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="144" />
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="144" />
        <source>&amp;Review all due cards</source>
        <translation>复习所有到期卡片(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="145" />
        <source>Study this &amp;document</source>
        <translation>学习本文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="146" />
        <source>Study this &amp;section</source>
        <translation>学习本节(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="146" />
        <source>&amp;Quiz…</source>
        <translation>测验(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="146" />
        <source>S&amp;tatistics</source>
        <translation>统计(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="147" />
        <source>Study &amp;options…</source>
        <translation>学习选项(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="150" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="151" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="152" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="152" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="152" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="154" />
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="155" />
        <source>Search cards (Ctrl+F)</source>
        <translation>搜索卡片 (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="268" />
        <source>Deleted %n card(s). Ctrl+Z undoes it.</source>
        <translation><numerusform>已删除 %n 张卡片。按 Ctrl+Z 撤销。</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="289" />
        <source>Texts</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="289" />
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="290" />
        <source>Import a talk or article</source>
        <translation>导入演讲或文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="298" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="302" />
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="313" />
        <source>Imported “%1”: %2 new cards, %3 kept.</source>
        <translation>已导入“%1”：新增 %2 张卡片，保留 %3 张。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="318" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="405" />
        <source>%1 cards</source>
        <translation>%1 张卡片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="62" />
        <source>Import a talk or article to begin (File ▸ Import…).</source>
        <translation>导入一篇演讲或文章开始学习（文件 ▸ 导入…）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="109" />
        <source>New cloze card from selection</source>
        <translation>用所选文字新建填空卡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="110" />
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
        <translation><numerusform>%n 张卡片</numerusform></translation>
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
        <translation><numerusform>已导出 %n 张卡片到 {path}。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/export_dialog.py" line="287" />
        <source>Exported %n note(s) to {path}.</source>
        <translation><numerusform>已导出 %n 条笔记到 {path}。</numerusform></translation>
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
        <location filename="../../desktop/ui/mastery.py" line="75" />
        <source>Mastery: %1 %</source>
        <translation>掌握程度：%1 %</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="150" />
        <source>Quiz</source>
        <translation>测验</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="151" />
        <source>Typed answer</source>
        <translation>输入答案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="151" />
        <source>Multiple choice</source>
        <translation>选择题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="151" />
        <source>Cram</source>
        <translation>突击复习</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="158" />
        <source>Also record as reviews</source>
        <translation>同时记为复习</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="159" />
        <source>Type the answer, then press Enter</source>
        <translation>输入答案，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="201" />
        <source>Enter: check, then next card</source>
        <translation>Enter：检查，然后下一张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="212" />
        <source>Keys 1–4 choose; Enter: next card</source>
        <translation>按 1–4 选择；Enter：下一张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="217" />
        <source>Space: flip, then next card; ←/→: previous/next</source>
        <translation>空格：翻面，然后下一张；←/→：上一张/下一张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="224" />
        <source>Esc: close</source>
        <translation>Esc：关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="226" />
        <source>There are no cards to quiz here.</source>
        <translation>这里没有可以测验的卡片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="228" />
        <source>That was the last card.</source>
        <translation>这是最后一张卡片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="230" />
        <source>Score: %1 / %2</source>
        <translation>得分：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="256" />
        <source>Correct!</source>
        <translation>正确！</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/quiz_dialog.py" line="256" />
        <source>Not quite.</source>
        <translation>不太对。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="48" />
        <location filename="../../desktop/ui/stats.py" line="97" />
        <source>Whole collection</source>
        <translation>整个卡片集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="166" />
        <location filename="../../desktop/ui/stats.py" line="26" />
        <source>Review</source>
        <translation>复习</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="168" />
        <source>Show answer (Space)</source>
        <translation>显示答案（空格）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="169" />
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="169" />
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="169" />
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="169" />
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="172" />
        <source>Edit (E)</source>
        <translation>编辑 (E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="173" />
        <source>Show in outline</source>
        <translation>在大纲中显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="174" />
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销 (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="175" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="176" />
        <source>Congratulations! You have finished for now.</source>
        <translation>恭喜！今天的复习已经完成。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="205" />
        <source>Source: %1 — %2</source>
        <translation>出处：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="215" />
        <location filename="../../desktop/ui/stats.py" line="26" />
        <source>Learning</source>
        <translation>学习中</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review.py" line="223" />
        <source>Reviewed %n card(s) in this session.</source>
        <translation><numerusform>本次复习了 %n 张卡片。</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="226" />
        <source>The next card is due in %1.</source>
        <translation>下一张卡片将在 %1 后到期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="261" />
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="263" />
        <source>Review undone.</source>
        <translation>已撤销复习。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="26" />
        <source>Relearning</source>
        <translation>重新学习</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="27" />
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="95" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="96" />
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="100" />
        <source>Reviews</source>
        <translation>复习</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="101" />
        <source>Reviews per day, last %1 days: %2</source>
        <translation>每日复习量，最近 %1 天：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="103" />
        <source>Due in the next %1 days: %2</source>
        <translation>未来 %1 天到期：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="145" />
        <source>Cards by state: %1</source>
        <translation>卡片状态：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="161" />
        <source>True retention</source>
        <translation>真实保持率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="163" />
        <source>Last %1 days: %2 of %3 reviews of mature-path cards passed.</source>
        <translation>最近 %1 天：复习阶段卡片的 %3 次复习中通过 %2 次。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="165" />
        <source>All time: %1 (%2 of %3).</source>
        <translation>全部时间：%1（%3 次中 %2 次）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats.py" line="167" />
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
        <source>Fit FSRS to my reviews</source>
        <translation>根据我的复习记录拟合 FSRS 参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/study_settings.py" line="28" />
        <source>Reviews are scheduled by FSRS.</source>
        <translation>复习由 FSRS 算法安排。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/study_settings.py" line="31" />
        <source>Desired retention</source>
        <translation>期望记忆保持率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/study_settings.py" line="32" />
        <source>New cards per day</source>
        <translation>每日新卡片数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/study_settings.py" line="33" />
        <source>Maximum interval</source>
        <translation>最大间隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/study_settings.py" line="50" />
        <source>Fitting…</source>
        <translation>正在拟合…</translation>
    </message>
</context>
</TS>
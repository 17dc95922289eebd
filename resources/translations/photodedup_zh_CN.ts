<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="32"/>
        <source>&amp;Add folder…</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="32"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="34"/>
        <location filename="../../photodedup/gui/actions.py" line="68"/>
        <source>&amp;Scan</source>
        <translation>扫描(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="34"/>
        <location filename="../../photodedup/gui/actions.py" line="69"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="36"/>
        <source>&amp;Check new photos…</source>
        <translation>检查新照片(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="36"/>
        <source>Check new photos…</source>
        <translation>检查新照片…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="39"/>
        <source>See which photos of a card or folder are already in your library</source>
        <translation>查看存储卡或文件夹中哪些照片已在图库中</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="41"/>
        <source>&amp;Export results…</source>
        <translation>导出结果(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="42"/>
        <source>Removal &amp;history…</source>
        <translation>移除记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="43"/>
        <source>Every removal so far, and where each file went</source>
        <translation>至今的每次移除，以及每个文件的去向</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="44"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="45"/>
        <source>&amp;Mark all but best</source>
        <translation>标记最佳之外的全部(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="45"/>
        <source>Mark all but best</source>
        <translation>标记最佳之外的全部</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="46"/>
        <source>&amp;Unmark all</source>
        <translation>取消全部标记(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="46"/>
        <source>Unmark all</source>
        <translation>取消全部标记</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="48"/>
        <source>&amp;Invert marks in group</source>
        <translation>反转本组标记(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="48"/>
        <source>Invert group</source>
        <translation>反转本组</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="50"/>
        <source>Swap marked and unmarked files in the current group</source>
        <translation>在当前组中互换已标记和未标记的文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="51"/>
        <source>&amp;Not duplicates…</source>
        <translation>非重复照片(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="52"/>
        <source>Photos you said are not duplicates</source>
        <translation>你标为“非重复”的照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="53"/>
        <source>&amp;Edit keep rules…</source>
        <translation>编辑保留规则(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="55"/>
        <source>&amp;Review and remove marked…</source>
        <translation>检查并移除已标记的文件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="55"/>
        <source>Review and remove…</source>
        <translation>检查并移除…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="57"/>
        <source>Review the marked files and move them to the trash</source>
        <translation>检查已标记的文件，并把它们移到回收站</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="58"/>
        <source>&amp;About photodedup</source>
        <translation>关于 photodedup(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="65"/>
        <source>Cancel &amp;scan</source>
        <translation>取消扫描(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/actions.py" line="66"/>
        <source>Cancel scan</source>
        <translation>取消扫描</translation>
    </message>
</context>
<context>
    <name>BlankNote</name>
    <message>
        <location filename="../../photodedup/gui/scan/blank_note.py" line="24"/>
        <source>{n} near-blank photo was compared only with others like it</source>
        <translation>{n} 张近乎空白的照片只与同类照片比较</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/blank_note.py" line="25"/>
        <source>{n} near-blank photos were compared only with each other</source>
        <translation>{n} 张近乎空白的照片只在彼此之间比较</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/blank_note.py" line="30"/>
        <source>{n} near-blank photo was left out</source>
        <translation>{n} 张近乎空白的照片未参与比较</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/blank_note.py" line="31"/>
        <source>{n} near-blank photos were left out</source>
        <translation>{n} 张近乎空白的照片未参与比较</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/blank_note.py" line="44"/>
        <source>{n} photo smaller than {size} was skipped</source>
        <translation>已跳过 {n} 张小于 {size} 的照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/blank_note.py" line="45"/>
        <source>{n} photos smaller than {size} were skipped</source>
        <translation>已跳过 {n} 张小于 {size} 的照片</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <location filename="../../photodedup/gui/compare/canvas.py" line="91"/>
        <source>Will be moved to the Trash</source>
        <translation>将被移到回收站</translation>
    </message>
</context>
<context>
    <name>CheckDelegate</name>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="42"/>
        <source>New</source>
        <translation>新照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="43"/>
        <source>Similar</source>
        <translation>相似</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="44"/>
        <source>In library</source>
        <translation>已在图库</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="45"/>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="139"/>
        <source>This file is itself in the library</source>
        <translation>此文件本身就在图库中</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="141"/>
        <source>Nothing like it in the library</source>
        <translation>图库中没有与之相像的照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="145"/>
        <source>A library file; %1 is identical to it</source>
        <translation>图库中的文件；%1 与它完全相同</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="147"/>
        <source>A library file; %1 looks the same</source>
        <translation>图库中的文件；%1 看起来相同</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="149"/>
        <source>Identical to %1</source>
        <translation>与 %1 完全相同</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="151"/>
        <source>Looks the same as %1</source>
        <translation>看起来与 %1 相同</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="153"/>
        <source>Looks a bit like %1</source>
        <translation>与 %1 有些相像</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/delegate.py" line="156"/>
        <source>(the library copy is smaller: %1)</source>
        <translation>（图库中的副本较小：%1）</translation>
    </message>
</context>
<context>
    <name>CheckDropZone</name>
    <message>
        <location filename="../../photodedup/gui/check/drop_zone.py" line="24"/>
        <source>Importing photos?</source>
        <translation>要导入照片吗？</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/drop_zone.py" line="30"/>
        <source>Drop a memory card, a folder or photos here to see which are already in your library and which are new.</source>
        <translation>把存储卡、文件夹或照片拖到这里，看看哪些已在图库中，哪些是新的。</translation>
    </message>
</context>
<context>
    <name>CheckLauncher</name>
    <message>
        <location filename="../../photodedup/gui/check_launcher.py" line="85"/>
        <source>New Photo and Its Library Match</source>
        <translation>新照片及其在图库中的匹配</translation>
    </message>
</context>
<context>
    <name>CheckSources</name>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="57"/>
        <source>Add folder or card…</source>
        <translation>添加文件夹或存储卡…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="59"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="61"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="64"/>
        <source>Photos to check:</source>
        <translation>要检查的照片：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="70"/>
        <source>An index file:</source>
        <translation>索引文件：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="76"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="79"/>
        <source>Check against:</source>
        <translation>对照：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="121"/>
        <source>Choose a Folder or Memory Card</source>
        <translation>选择文件夹或存储卡</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="128"/>
        <source>Choose Photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="130"/>
        <source>Images (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="138"/>
        <source>Choose an Index File</source>
        <translation>选择索引文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="140"/>
        <source>photodedup index (*.pdindex);;All files (*)</source>
        <translation>photodedup 索引 (*.pdindex);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="161"/>
        <source>none yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="166"/>
        <source>The %1 folder in the main window</source>
        <translation>主窗口中的 %1 个文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/sources.py" line="167"/>
        <source>The %1 folders in the main window</source>
        <translation>主窗口中的 %1 个文件夹</translation>
    </message>
</context>
<context>
    <name>CheckWindow</name>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="63"/>
        <source>Check New Photos</source>
        <translation>检查新照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="84"/>
        <location filename="../../photodedup/gui/check/window.py" line="281"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="110"/>
        <source>Drop a memory card, a folder or photos here, or add them above, then press Check. Nothing is ever removed from this window.</source>
        <translation>把存储卡、文件夹或照片拖到这里，或在上方添加，然后按“检查”。此窗口从不删除任何文件。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="118"/>
        <source>Compare with match</source>
        <translation>与匹配照片比较</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="120"/>
        <source>Copy the new ones to…</source>
        <translation>把新照片复制到…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="122"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="162"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="185"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="201"/>
        <source>Cannot Use This Index</source>
        <translation>无法使用此索引</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="206"/>
        <source>Checked in %1 s.</source>
        <translation>检查用时 %1 秒。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="212"/>
        <source>Check stopped. Fingerprints read so far are kept.</source>
        <translation>检查已停止。已读取的指纹会保留。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="217"/>
        <source>The check failed: %1</source>
        <translation>检查失败：%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="230"/>
        <source>Copy the New Photos To</source>
        <translation>把新照片复制到</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="238"/>
        <source>Cannot Copy There</source>
        <translation>无法复制到那里</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="260"/>
        <source>New Photos Copied</source>
        <translation>新照片已复制</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="281"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/window.py" line="301"/>
        <source>%1 checked: %2 new, %3 similar, %4 already in the library</source>
        <translation>已检查 %1 张：%2 张新照片，%3 张相似，%4 张已在图库中</translation>
    </message>
</context>
<context>
    <name>CheckWords</name>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="19"/>
        <source>Looking through the library… %1 files</source>
        <translation>正在浏览图库… %1 个文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="20"/>
        <source>Reading the library… %1</source>
        <translation>正在读取图库… %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="21"/>
        <source>Reading the index…</source>
        <translation>正在读取索引…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="22"/>
        <source>Looking for photos to check… %1 files</source>
        <translation>正在查找要检查的照片… %1 个文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="23"/>
        <source>Reading the photos to check… %1</source>
        <translation>正在读取要检查的照片… %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="24"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="25"/>
        <source>Comparing contents…</source>
        <translation>正在比较内容…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="26"/>
        <source>Copying the new photos… %1</source>
        <translation>正在复制新照片… %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="33"/>
        <source>The file does not exist.</source>
        <translation>该文件不存在。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="34"/>
        <source>This is not a photodedup index.</source>
        <translation>这不是 photodedup 索引。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="35"/>
        <source>The index is damaged. Make it again with “photodedup-cli index”. It was not changed.</source>
        <translation>索引已损坏。请用“photodedup-cli index”重新生成。它未被改动。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="39"/>
        <source>It was made by a newer version of photodedup.</source>
        <translation>它由更新版本的 photodedup 生成。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="40"/>
        <source>It was made by an older version of photodedup. Bring it up to date with “photodedup-cli index” on its folders; it was not changed.</source>
        <translation>它由旧版 photodedup 创建。请对其文件夹运行“photodedup-cli index”来更新它；文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="45"/>
        <source>It cannot be read.</source>
        <translation>无法读取它。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="46"/>
        <source>It cannot be written.</source>
        <translation>无法写入它。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="47"/>
        <source>It holds other fingerprints than the ones asked for.</source>
        <translation>它保存的指纹与所要求的不同。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="56"/>
        <source>It is not a folder.</source>
        <translation>它不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="57"/>
        <source>Its folder does not exist.</source>
        <translation>它所在的文件夹不存在。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="58"/>
        <source>You cannot write there.</source>
        <translation>你无法写入那里。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="59"/>
        <source>It is inside a folder being checked; choose a folder outside it.</source>
        <translation>它位于正在检查的文件夹中；请选择该文件夹以外的位置。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="72"/>
        <source>Copied %1 new photo (%2) to %3.</source>
        <translation>已把 %1 张新照片（%2）复制到 %3。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="73"/>
        <source>Copied %1 new photos (%2) to %3.</source>
        <translation>已把 %1 张新照片（%2）复制到 %3。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="83"/>
        <source>%1 was there already, with the same content.</source>
        <translation>%1 张已在那里，内容相同。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="84"/>
        <source>%1 were there already, with the same content.</source>
        <translation>%1 张已在那里，内容相同。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="91"/>
        <source>%1 photo was not copied:</source>
        <translation>%1 张照片未复制：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="92"/>
        <source>%1 photos were not copied:</source>
        <translation>%1 张照片未复制：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="96"/>
        <source>another file already has its name (not overwritten)</source>
        <translation>已有同名的其他文件（未覆盖）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="99"/>
        <source>the copy did not match the original and was removed</source>
        <translation>副本与原件不符，已删除该副本</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="102"/>
        <source>the original could not be read</source>
        <translation>无法读取原件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="103"/>
        <source>the copy could not be written</source>
        <translation>无法写入副本</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/words.py" line="110"/>
        <source>Every copy was checked against its original and keeps its date.</source>
        <translation>每个副本都已与原件核对，并保留原来的日期。</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="72"/>
        <source>Compare %1 Photos</source>
        <translation>比较 %1 张照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="109"/>
        <source>Zoom out (-)</source>
        <translation>缩小 (-)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="110"/>
        <source>Zoom in (+)</source>
        <translation>放大 (+)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="112"/>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="112"/>
        <source>Show whole photos (F, or double-click a photo)</source>
        <translation>显示完整照片（按 F，或双击照片）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="115"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="115"/>
        <source>Show the largest photo pixel for pixel (1)</source>
        <translation>按实际像素显示最大的照片（按 1）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="123"/>
        <source>←/→ choose a photo · wheel zooms · drag pans</source>
        <translation>←/→ 选择照片 · 滚轮缩放 · 拖动平移</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="126"/>
        <source>←/→ choose a photo · Space marks it for removal · wheel zooms · drag pans</source>
        <translation>←/→ 选择照片 · 空格键标记为移除 · 滚轮缩放 · 拖动平移</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="146"/>
        <source>Every photo of this group is marked: unmark at least one, or the review will refuse to remove them.</source>
        <translation>本组的每张照片都已标记：请至少取消标记一张，否则检查时将拒绝移除它们。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="151"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="207"/>
        <source>highest</source>
        <translation>最高</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="211"/>
        <source>largest</source>
        <translation>最大</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="267"/>
        <source>Fit (%1%)</source>
        <translation>适合窗口（%1%）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="267"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/view.py" line="291"/>
        <source>Cannot show this photo: %1</source>
        <translation>无法显示这张照片：%1</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="53"/>
        <source>Find duplicate photos</source>
        <translation>查找重复照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="56"/>
        <source>Press Scan to look for look-alike photos in your folders.</source>
        <translation>点击“扫描”，在你的文件夹中查找相似的照片。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="58"/>
        <source>Nothing is deleted until you review the marked copies.</source>
        <translation>在你检查过标记的副本之前，不会删除任何文件。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="62"/>
        <source>Drop folders here or click Add folder…</source>
        <translation>把文件夹拖到这里，或点击“添加文件夹…”</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="64"/>
        <source>Then press Scan. Nothing is deleted until you review the marked copies.</source>
        <translation>然后点击“扫描”。在你检查过标记的副本之前，不会删除任何文件。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="70"/>
        <source>All done</source>
        <translation>全部完成</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="71"/>
        <source>No duplicate groups are left. Scan again to look for more.</source>
        <translation>已没有剩余的重复照片组。可以再次扫描以查找更多。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="80"/>
        <source>No photos could be read</source>
        <translation>无法读取任何照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="83"/>
        <source>{n} file could not be read. The list below says why.</source>
        <translation>{n} 个文件无法读取，原因见下方列表。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="84"/>
        <source>{n} files could not be read. The list below says why.</source>
        <translation>{n} 个文件无法读取，原因见下方列表。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="87"/>
        <source>No photos found</source>
        <translation>未找到照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="89"/>
        <source>There are no photos in these folders, or all are smaller than the minimum size.</source>
        <translation>这些文件夹中没有照片，或者所有照片都小于最小文件大小。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="92"/>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="95"/>
        <source>No duplicates found</source>
        <translation>未找到重复照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="93"/>
        <source>Only 1 photo was found, so there was nothing to compare it with.</source>
        <translation>只找到 1 张照片，没有可以与之比较的照片。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/empty_state.py" line="96"/>
        <source>{n} photos were compared. Try a looser similarity to find more.</source>
        <translation>已比较 {n} 张照片。可以放宽相似度以找到更多。</translation>
    </message>
</context>
<context>
    <name>ErrorsModel</name>
    <message>
        <location filename="../../photodedup/gui/scan/errors_panel.py" line="56"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/errors_panel.py" line="56"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ErrorsPanel</name>
    <message>
        <location filename="../../photodedup/gui/scan/errors_panel.py" line="72"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/errors_panel.py" line="85"/>
        <source>Copy list</source>
        <translation>复制列表</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/errors_panel.py" line="86"/>
        <source>Copy every path and problem to the clipboard</source>
        <translation>把所有路径和问题复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/errors_panel.py" line="111"/>
        <source>{n} files could not be read</source>
        <translation>{n} 个文件无法读取</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/errors_panel.py" line="111"/>
        <source>{n} file could not be read</source>
        <translation>{n} 个文件无法读取</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/errors_panel.py" line="115"/>
        <source>{n} problems</source>
        <translation>{n} 个问题</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/errors_panel.py" line="115"/>
        <source>{n} problem</source>
        <translation>{n} 个问题</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/errors_panel.py" line="117"/>
        <source>Show the files the scan could not use</source>
        <translation>显示扫描时无法使用的文件</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../photodedup/gui/widgets/file_menu.py" line="22"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/file_menu.py" line="24"/>
        <source>Show in file manager</source>
        <translation>在文件管理器中显示</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/file_menu.py" line="26"/>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/file_menu.py" line="28"/>
        <source>Marked for removal</source>
        <translation>标记为移除</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/file_menu.py" line="33"/>
        <source>Compare group…</source>
        <translation>比较本组…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/file_menu.py" line="34"/>
        <source>Not a duplicate</source>
        <translation>不是重复照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/file_menu.py" line="37"/>
        <source>The other photos of the group are compared with this one</source>
        <translation>本组其他照片都与这张比较</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../photodedup/gui/check/filter_bar.py" line="30"/>
        <source>All (%1)</source>
        <translation>全部 (%1)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/filter_bar.py" line="32"/>
        <source>New (%1)</source>
        <translation>新照片 (%1)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/filter_bar.py" line="33"/>
        <source>Similar (%1)</source>
        <translation>相似 (%1)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/filter_bar.py" line="34"/>
        <source>In library (%1)</source>
        <translation>已在图库 (%1)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/check/filter_bar.py" line="35"/>
        <source>Unreadable (%1)</source>
        <translation>无法读取 (%1)</translation>
    </message>
</context>
<context>
    <name>FlagBadge</name>
    <message>
        <location filename="../../photodedup/gui/widgets/flag_badge.py" line="25"/>
        <source>Missing</source>
        <translation>已不在</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/flag_badge.py" line="27"/>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/flag_badge.py" line="28"/>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/flag_badge.py" line="34"/>
        <source>Moved or deleted since the scan: it can be neither removed nor kept from here. Scan again to bring the results up to date.</source>
        <translation>扫描后已被移动或删除：在这里既不能移除也不能保留它。请重新扫描以更新结果。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/flag_badge.py" line="40"/>
        <source>Can no longer be read: it can be neither removed nor kept from here.</source>
        <translation>已无法读取：在这里既不能移除也不能保留它。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/flag_badge.py" line="44"/>
        <source>Changed since the scan: it may no longer look like the others, so it can be neither removed nor kept from here. Scan again to compare it anew.</source>
        <translation>扫描后已被更改：它可能已与其他照片不同，因此在这里既不能移除也不能保留它。请重新扫描以重新比较。</translation>
    </message>
</context>
<context>
    <name>FolderList</name>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="73"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="73"/>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="74"/>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="200"/>
        <source>Reference: never delete from here</source>
        <translation>参照：绝不删除其中的文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="91"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="95"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="96"/>
        <source>Remove the selected folders from the list</source>
        <translation>从列表中移除选中的文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="99"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="100"/>
        <source>Prefer copies in this folder over those below it</source>
        <translation>优先保留此文件夹中的副本，而非其下方文件夹中的</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="102"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="103"/>
        <source>Prefer copies in the folders above this one</source>
        <translation>优先保留此文件夹上方文件夹中的副本</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="159"/>
        <source>Add folder</source>
        <translation>添加文件夹</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="55"/>
        <source>Removal History</source>
        <translation>移除记录</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="65"/>
        <source>Every removal photodedup made, newest first. Select one to see where each file went; Restore puts its files back where they were, never over a file that is there now.</source>
        <translation>photodedup 做过的每次移除，最新的在前。选中一次移除可查看每个文件去了哪里；“恢复”会把文件放回原处，绝不覆盖那里现有的文件。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="76"/>
        <source>On this system photodedup cannot read the Trash back: put trashed files back from the Trash yourself. Files moved to a folder are restored from here.</source>
        <translation>在此系统上 photodedup 无法读回回收站：移到回收站的文件请自行从回收站放回。移到文件夹的文件可以在这里恢复。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="83"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="83"/>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="83"/>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="91"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="83"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="84"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="91"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="91"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="91"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="108"/>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="236"/>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="243"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="109"/>
        <source>Put this removal&apos;s files back where they were</source>
        <translation>把这次移除的文件放回原处</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="112"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="136"/>
        <source>Nothing has been removed yet.</source>
        <translation>还没有移除过任何文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/history_dialog.py" line="141"/>
        <source>%n line of the log could not be read and is left out.</source>
        <translation>
            <numerusform>日志中有 %n 行无法读取，已略过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/history_dialog.py" line="142"/>
        <source>%n lines of the log could not be read and are left out.</source>
        <translation>
            <numerusform>日志中有 %n 行无法读取，已略过。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="164"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="178"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="179"/>
        <source>A folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="180"/>
        <source>Trash and a folder</source>
        <translation>回收站和文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="183"/>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="184"/>
        <source>Partly restored</source>
        <translation>部分已恢复</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="185"/>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="219"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="191"/>
        <source>Batch %1</source>
        <translation>批次 %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="221"/>
        <source>In %1</source>
        <translation>在 %1 中</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="223"/>
        <source>In the Trash</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="228"/>
        <source>the system Trash</source>
        <translation>系统回收站</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="229"/>
        <source>Went to %1</source>
        <translation>去了 %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/history_dialog.py" line="238"/>
        <source>Could not restore: %1</source>
        <translation>无法恢复：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/history_dialog.py" line="253"/>
        <source>Restored %1 of %n file.</source>
        <translation>
            <numerusform>已恢复 %1 个，共 %n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/history_dialog.py" line="254"/>
        <source>Restored %1 of %n files.</source>
        <translation>
            <numerusform>已恢复 %1 个，共 %n 个文件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeepRuleEditor</name>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="37"/>
        <source>Keep Rules</source>
        <translation>保留规则</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="43"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="45"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="53"/>
        <source>Ticked criteria decide in order, top first; drag to reorder</source>
        <translation>勾选的条件按从上到下的顺序决定；拖动可调整顺序</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="55"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="57"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="61"/>
        <source>For “Preferred format”: the best format first</source>
        <translation>用于“首选格式”：最好的格式排在最前</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="66"/>
        <source>Your rules:</source>
        <translation>你的规则：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="76"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="84"/>
        <source>Keep the copy with:</source>
        <translation>保留满足以下条件的副本：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="85"/>
        <source>Format order:</source>
        <translation>格式顺序：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="131"/>
        <source>My rule</source>
        <translation>我的规则</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="133"/>
        <source>My rule %1</source>
        <translation>我的规则 %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="196"/>
        <source>Give the rule a name.</source>
        <translation>请为规则命名。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="198"/>
        <source>Another rule has this name.</source>
        <translation>已有同名的规则。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="205"/>
        <source>Tick at least one criterion.</source>
        <translation>请至少勾选一个条件。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/keep_editor.py" line="211"/>
        <source>Write the formats as HEIC &gt; JPEG &gt; PNG.</source>
        <translation>请按 HEIC &gt; JPEG &gt; PNG 的形式填写格式。</translation>
    </message>
</context>
<context>
    <name>KeepWords</name>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="17"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="20"/>
        <source>in a reference folder</source>
        <translation>位于参照文件夹中</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="21"/>
        <source>highest resolution</source>
        <translation>分辨率最高</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="22"/>
        <source>has camera data</source>
        <translation>含有相机信息</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="23"/>
        <source>camera&apos;s own format</source>
        <translation>相机原始格式</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="25"/>
        <source>less compressed</source>
        <translation>压缩较少</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="26"/>
        <source>preferred format</source>
        <translation>首选格式</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="27"/>
        <source>largest file</source>
        <translation>文件最大</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="28"/>
        <source>smallest file</source>
        <translation>文件最小</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="29"/>
        <source>taken first</source>
        <translation>拍摄最早</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="30"/>
        <source>oldest file</source>
        <translation>文件最旧</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="31"/>
        <source>newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="32"/>
        <source>in a preferred folder</source>
        <translation>位于优先文件夹中</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="33"/>
        <source>shorter path</source>
        <translation>路径较短</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="34"/>
        <source>first by name</source>
        <translation>按名称排在最前</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="24"/>
        <source>camera&apos;s own RAW file</source>
        <translation>相机原始 RAW 文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="35"/>
        <source>your choice</source>
        <translation>你的选择</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="36"/>
        <source>kept in another group</source>
        <translation>在另一组中被保留</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="38"/>
        <source>gone or changed since the scan</source>
        <translation>扫描后已不在或已更改</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="37"/>
        <source>the other half of a RAW+JPEG shot</source>
        <translation>同一次拍摄的 RAW+JPEG 中的另一半</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="41"/>
        <source>Highest resolution</source>
        <translation>分辨率最高</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="42"/>
        <source>Camera original (camera data, format)</source>
        <translation>相机原片（相机信息、格式）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="43"/>
        <source>Preferred format</source>
        <translation>首选格式</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="44"/>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="59"/>
        <source>Largest file</source>
        <translation>文件最大</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="45"/>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="56"/>
        <source>Smallest file</source>
        <translation>文件最小</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="46"/>
        <source>Earliest date taken</source>
        <translation>拍摄日期最早</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="47"/>
        <source>Oldest modification time</source>
        <translation>修改时间最早</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="48"/>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="58"/>
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="49"/>
        <source>Folders higher in the list</source>
        <translation>列表中靠上的文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="50"/>
        <source>Shorter path</source>
        <translation>路径较短</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="54"/>
        <source>Best copy</source>
        <translation>最佳副本</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="55"/>
        <source>Oldest</source>
        <translation>最早</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/widgets/keep_words.py" line="57"/>
        <source>In preferred folders</source>
        <translation>位于优先文件夹</translation>
    </message>
</context>
<context>
    <name>MainMenuBar</name>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="24"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="31"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="38"/>
        <source>&amp;Keep</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="42"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="43"/>
        <source>&amp;Problems panel</source>
        <translation>问题面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="45"/>
        <source>&amp;Sort groups by</source>
        <translation>分组排序方式(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="49"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="51"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="79"/>
        <source>About photodedup</source>
        <translation>关于 photodedup</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="81"/>
        <source>&lt;h3&gt;photodedup {version}&lt;/h3&gt;&lt;p&gt;Finds near-duplicate photos — resized, recompressed, rotated or lightly edited copies — and moves the copies you choose to the system trash.&lt;/p&gt;&lt;p&gt;Nothing is ever deleted permanently.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;photodedup {version}&lt;/h3&gt;&lt;p&gt;查找相似或重复的照片——缩放过、重新压缩过、旋转过或稍加编辑过的副本——并把你选中的副本移到系统回收站。&lt;/p&gt;&lt;p&gt;任何文件都不会被永久删除。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_menu.py" line="88"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="225"/>
        <source>the system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="228"/>
        <source>{n} folders added</source>
        <translation>已添加 {n} 个文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="228"/>
        <source>{n} folder added</source>
        <translation>已添加 {n} 个文件夹</translation>
    </message>
</context>
<context>
    <name>NotDuplicatesDialog</name>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="36"/>
        <source>Not Duplicates</source>
        <translation>非重复照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="39"/>
        <source>These photos are never grouped together again, even after they are renamed or moved. Undo a decision to let them group from the next scan.</source>
        <translation>这些照片不会再被分到同一组，即使它们被重命名或移动。撤销某项决定后，下次扫描时它们可以再次成组。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="48"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="48"/>
        <source>Not a duplicate of</source>
        <translation>并非其重复</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="48"/>
        <source>Decided</source>
        <translation>决定于</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="59"/>
        <source>You have not marked any photos as “not a duplicate”.</source>
        <translation>你还没有把任何照片标为“非重复”。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="64"/>
        <source>Clear all…</source>
        <translation>全部清除…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="85"/>
        <source>Clear All</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="86"/>
        <source>Forget all %1 decisions? The photos may group again from the next scan.</source>
        <translation>要忘记全部 %1 项决定吗？下次扫描时这些照片可能再次成组。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="103"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/ignore_dialog.py" line="104"/>
        <source>Let these two photos group again</source>
        <translation>让这两张照片可以再次成组</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../photodedup/gui/notices.py" line="21"/>
        <source>The scan finished with warnings</source>
        <translation>扫描已完成，但有警告</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/notices.py" line="22"/>
        <source>The results are complete, but:</source>
        <translation>结果是完整的，但是：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/notices.py" line="39"/>
        <source>Replace this file?</source>
        <translation>替换此文件？</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/notices.py" line="40"/>
        <source>{path} is not a photodedup report. Replacing it loses what it holds.</source>
        <translation>{path} 不是 photodedup 报告。替换它会丢失其中的内容。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/notices.py" line="48"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/notices.py" line="51"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/notices.py" line="64"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/notices.py" line="65"/>
        <source>photodedup will be in {language} the next time it starts.</source>
        <translation>photodedup 下次启动时将使用{language}。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/notices.py" line="73"/>
        <source>Quit and start photodedup again to see it now.</source>
        <translation>退出并重新启动 photodedup 即可立即看到。</translation>
    </message>
</context>
<context>
    <name>Pane</name>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="75"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="90"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="93"/>
        <source>Kept (reference folder)</source>
        <translation>保留（参照文件夹）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="101"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="103"/>
        <source>%1 megapixels</source>
        <translation>%1 百万像素</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="104"/>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="105"/>
        <source>File size:</source>
        <translation>文件大小：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="106"/>
        <source>Taken:</source>
        <translation>拍摄时间：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="107"/>
        <source>Camera:</source>
        <translation>相机：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="108"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="111"/>
        <source>the others are compared with this one</source>
        <translation>其他照片都与这张比较</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="113"/>
        <source>%1 compared with %2</source>
        <translation>与 %2 相比差 %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="120"/>
        <source>neither: not as scanned</source>
        <translation>两者皆非：与扫描时不一致</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="127"/>
        <source>keep: %1</source>
        <translation>保留：%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="129"/>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="129"/>
        <source>remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="120"/>
        <location filename="../../photodedup/gui/compare/pane.py" line="133"/>
        <source>Suggested:</source>
        <translation>建议：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/compare/pane.py" line="117"/>
        <source>Difference:</source>
        <translation>差异：</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <location filename="../../photodedup/gui/presenter.py" line="72"/>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/presenter.py" line="74"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/presenter.py" line="76"/>
        <source>Grouping again…</source>
        <translation>正在重新分组…</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../photodedup/gui/review/progress_page.py" line="29"/>
        <location filename="../../photodedup/gui/review/progress_page.py" line="54"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/progress_page.py" line="30"/>
        <source>Stop after the file being moved now</source>
        <translation>移完当前这个文件后停止</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/progress_page.py" line="39"/>
        <source>Moving %n file to the Trash…</source>
        <translation>
            <numerusform>正在把 %n 个文件移到回收站…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/progress_page.py" line="40"/>
        <source>Moving %n files to the Trash…</source>
        <translation>
            <numerusform>正在把 %n 个文件移到回收站…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/progress_page.py" line="45"/>
        <source>Moving %n file to %1…</source>
        <translation>
            <numerusform>正在把 %n 个文件移到 %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/progress_page.py" line="46"/>
        <source>Moving %n files to %1…</source>
        <translation>
            <numerusform>正在把 %n 个文件移到 %1…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/progress_page.py" line="51"/>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/progress_page.py" line="58"/>
        <source>Restoring the files…</source>
        <translation>正在恢复文件…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/progress_page.py" line="71"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="23"/>
        <source>Not an image: the content is not %1 (%2)</source>
        <translation>不是图片：内容不是 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="38"/>
        <source>You stopped before this file was reached</source>
        <translation>你在处理到此文件之前停止了</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="41"/>
        <source>Stopped: the log %1 could not be written</source>
        <translation>已停止：无法写入日志 %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="44"/>
        <source>No longer there</source>
        <translation>已不在原处</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="45"/>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="46"/>
        <source>No longer a regular file</source>
        <translation>已不是普通文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="47"/>
        <source>Changed since the scan</source>
        <translation>扫描后已改变</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="48"/>
        <source>No other file of its group is kept</source>
        <translation>同组中没有其他保留的文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="51"/>
        <source>The copy to keep is this same file under another name: %1</source>
        <translation>要保留的副本其实是同一个文件的另一个名字：%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="54"/>
        <source>The copy to keep is missing or changed: %1</source>
        <translation>要保留的副本已不存在或已改变：%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="57"/>
        <source>No Trash can be used on this file&apos;s drive</source>
        <translation>此文件所在的磁盘无法使用废纸篓</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="60"/>
        <source>Network folders have no Recycle Bin</source>
        <translation>网络文件夹没有回收站</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="63"/>
        <source>This drive has no Recycle Bin (removable, network or RAM drive)</source>
        <translation>此驱动器没有回收站（可移动、网络或内存驱动器）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="66"/>
        <source>The drive is read-only</source>
        <translation>该磁盘是只读的</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="67"/>
        <source>The Trash folder is on a read-only drive</source>
        <translation>废纸篓文件夹位于只读驱动器上</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="70"/>
        <source>The Trash&apos;s drive is full</source>
        <translation>废纸篓所在的驱动器已满</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="71"/>
        <source>The name is too long for the Trash</source>
        <translation>文件名太长，无法放入废纸篓</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="74"/>
        <source>The file is still there after moving it to the Trash</source>
        <translation>移到废纸篓后文件仍在原处</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="77"/>
        <source>Could not move it: %1</source>
        <translation>无法移动：%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="78"/>
        <source>%1 is not an existing folder</source>
        <translation>%1 不是已存在的文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="81"/>
        <source>Cannot write the log %1</source>
        <translation>无法写入日志 %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="82"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="83"/>
        <source>The folder is no longer there</source>
        <translation>文件夹已不在原处</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="86"/>
        <source>The path is too long</source>
        <translation>路径太长</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="87"/>
        <source>Symbolic link loop</source>
        <translation>符号链接循环</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="88"/>
        <source>Symbolic link loop: it leads back to a parent folder</source>
        <translation>符号链接循环：它指回上级文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="91"/>
        <source>Broken symbolic link</source>
        <translation>失效的符号链接</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="92"/>
        <source>Cannot read the file: permission denied</source>
        <translation>无法读取文件：权限不足</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="95"/>
        <source>Cannot open the folder: permission denied</source>
        <translation>无法打开文件夹：权限不足</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="98"/>
        <source>Input/output error (a failing disk or a disconnected drive?)</source>
        <translation>输入/输出错误（磁盘故障或驱动器已断开？）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="101"/>
        <source>Cannot open the folder: %1</source>
        <translation>无法打开文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="104"/>
        <source>Not a folder or a regular file</source>
        <translation>不是文件夹，也不是普通文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="107"/>
        <source>Empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="108"/>
        <source>Not an image: the content is not %1</source>
        <translation>不是图片：内容不是 %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="111"/>
        <source>Not a supported image</source>
        <translation>不是支持的图片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="112"/>
        <source>Corrupt or truncated %1 data</source>
        <translation>%1 数据已损坏或被截断</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="113"/>
        <source>Corrupt data: %1</source>
        <translation>数据已损坏：%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="114"/>
        <source>Image too large</source>
        <translation>图片太大</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="115"/>
        <source>Not enough memory to decode the image</source>
        <translation>内存不足，无法解码图片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="118"/>
        <source>Unsupported colour mode %1</source>
        <translation>不支持的颜色模式 %1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="121"/>
        <source>The decoder crashed on this file</source>
        <translation>解码器在此文件上崩溃</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="130"/>
        <source>all zero bytes</source>
        <translation>全是零字节</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="131"/>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="132"/>
        <source>a ZIP archive</source>
        <translation>ZIP 压缩包</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="133"/>
        <source>a video or other media file (%1)</source>
        <translation>视频或其他媒体文件（%1）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="134"/>
        <source>a Photoshop document</source>
        <translation>Photoshop 文档</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="135"/>
        <source>looks like text</source>
        <translation>看起来是文本</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/platform/reasons.py" line="136"/>
        <source>unknown binary data</source>
        <translation>未知的二进制数据</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="97"/>
        <source>Changed your mind? Restore These Files puts them back where they were, now or later from File ▸ Removal History.</source>
        <translation>改变主意了？“恢复这些文件”会把它们放回原处，现在或以后在“文件 ▸ 移除记录”中都可以。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="101"/>
        <source>Restore These Files</source>
        <translation>恢复这些文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="110"/>
        <source>Move Them to a Folder…</source>
        <translation>把它们移到文件夹…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="119"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="119"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="119"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="119"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="135"/>
        <source>Open Log</source>
        <translation>打开日志</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="136"/>
        <source>Every file moved is listed there, with where it went</source>
        <translation>日志列出了每个已移动的文件及其去向</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="138"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="156"/>
        <source>Moved %n file to the Trash (%1).</source>
        <translation>
            <numerusform>已把 %n 个文件移到回收站（%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="157"/>
        <source>Moved %n files to the Trash (%1).</source>
        <translation>
            <numerusform>已把 %n 个文件移到回收站（%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="164"/>
        <source>Moved %n file to the folder you chose (%1).</source>
        <translation>
            <numerusform>已把 %n 个文件移到你选择的文件夹（%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="165"/>
        <source>Moved %n files to the folder you chose (%1).</source>
        <translation>
            <numerusform>已把 %n 个文件移到你选择的文件夹（%1）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="169"/>
        <source>No file was moved.</source>
        <translation>没有移动任何文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="179"/>
        <source>The Trash is not available for %n file</source>
        <translation>
            <numerusform>有 %n 个文件无法使用回收站</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="180"/>
        <source>The Trash is not available for %n files</source>
        <translation>
            <numerusform>有 %n 个文件无法使用回收站</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="183"/>
        <source> (for example on a network or removable drive). They are still in place; you can move them to a folder of your choice instead. Nothing is deleted.</source>
        <translation>（例如位于网络驱动器或移动存储上）。它们仍在原处；你可以改为把它们移到自己选择的文件夹。不会删除任何文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="192"/>
        <source>%n file was left where it is:</source>
        <translation>
            <numerusform>有 %n 个文件留在原处：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="193"/>
        <source>%n files were left where they are:</source>
        <translation>
            <numerusform>有 %n 个文件留在原处：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="210"/>
        <source>Restored %n file to where it was (%1).</source>
        <translation>
            <numerusform>已把 %n 个文件恢复到原处（%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="211"/>
        <source>Restored %n files to where they were (%1).</source>
        <translation>
            <numerusform>已把 %n 个文件恢复到原处（%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="224"/>
        <source>%n file could not be restored:</source>
        <translation>
            <numerusform>%n 个文件无法恢复：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/report.py" line="225"/>
        <source>%n files could not be restored:</source>
        <translation>
            <numerusform>%n 个文件无法恢复：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="230"/>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="234"/>
        <source>Could not restore: %1</source>
        <translation>无法恢复：%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="242"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="243"/>
        <source>No Trash here</source>
        <translation>此处无回收站</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="244"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/report.py" line="269"/>
        <source>Move the Files to This Folder</source>
        <translation>把文件移到这个文件夹</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <location filename="../../photodedup/gui/review/restore_worker.py" line="53"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/restore_worker.py" line="54"/>
        <source>Already restored</source>
        <translation>已经恢复</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/restore_worker.py" line="55"/>
        <source>Not restored: another file now has its name there</source>
        <translation>未恢复：那里现在有一个同名的其他文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/restore_worker.py" line="58"/>
        <source>Not restored: no longer in the Trash (it may have been emptied)</source>
        <translation>未恢复：已不在回收站中（回收站可能已被清空）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/restore_worker.py" line="61"/>
        <source>Not restored: the file in the Trash is not the one removed</source>
        <translation>未恢复：回收站中的文件不是当初移除的那个</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/restore_worker.py" line="64"/>
        <source>Not restored: put it back from the system Trash yourself</source>
        <translation>未恢复：请自行从系统回收站放回</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/restore_worker.py" line="67"/>
        <source>Could not restore it</source>
        <translation>无法恢复</translation>
    </message>
</context>
<context>
    <name>ResultsCommands</name>
    <message>
        <location filename="../../photodedup/gui/commands.py" line="150"/>
        <source>Scan again to see the photos you no longer mark as different.</source>
        <translation>重新扫描即可看到你不再标为不同的照片。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/commands.py" line="158"/>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/commands.py" line="160"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV 文件 (*.csv);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/commands.py" line="193"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/commands.py" line="195"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>ResultsDelegate</name>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="112"/>
        <source>Group {number} · {n} photos</source>
        <translation>第 {number} 组 · {n} 张照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="116"/>
        <source>{size} to free</source>
        <translation>可释放 {size}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="118"/>
        <source>⚠ every copy is marked, none would be kept</source>
        <translation>⚠ 所有副本都已标记，将不会保留任何一份</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="157"/>
        <source>Kept: reference folder</source>
        <translation>保留：参照文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="160"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="199"/>
        <source>Keep: {why}</source>
        <translation>保留：{why}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="199"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="195"/>
        <source>RAW+JPEG</source>
        <translation>RAW+JPEG</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="120"/>
        <source>⚠ the copy to keep is missing or changed</source>
        <translation>⚠ 要保留的副本已不在或已更改</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="291"/>
        <source>RAW+JPEG pair with {name}: one shot, kept together</source>
        <translation>与 {name} 组成 RAW+JPEG：同一次拍摄，一起保留</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="295"/>
        <source>Distance {d} compared with {name}</source>
        <translation>与 {name} 相比差 {d}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="302"/>
        <source>Suggested to keep: {why}</source>
        <translation>建议保留：{why}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="203"/>
        <source>{format} · distance {d}</source>
        <translation>{format} · 差异 {d}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="212"/>
        <source>No preview</source>
        <translation>无预览</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="257"/>
        <source>modified {date}</source>
        <translation>修改于 {date}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/delegate.py" line="287"/>
        <source>In a reference folder: never removed</source>
        <translation>位于参照文件夹中：绝不移除</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../photodedup/gui/results/model.py" line="94"/>
        <source>{n} similar photos: {names}</source>
        <translation>{n} 张相似照片：{names}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/model.py" line="267"/>
        <source>{n} group</source>
        <translation>{n} 组</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/model.py" line="267"/>
        <source>{n} groups</source>
        <translation>{n} 组</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/model.py" line="268"/>
        <source>{n} file marked</source>
        <translation>已标记 {n} 个文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/model.py" line="268"/>
        <source>{n} files marked</source>
        <translation>已标记 {n} 个文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/model.py" line="269"/>
        <source>{size} to free</source>
        <translation>可释放 {size}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/model.py" line="276"/>
        <source>{n} group has every copy marked</source>
        <translation>有 {n} 组的所有副本都被标记了</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/model.py" line="277"/>
        <source>{n} groups have every copy marked</source>
        <translation>有 {n} 组的所有副本都被标记了</translation>
    </message>
</context>
<context>
    <name>ResultsToolBar</name>
    <message>
        <location filename="../../photodedup/gui/results/toolbar.py" line="23"/>
        <source>Most space to free</source>
        <translation>可释放空间最多</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/toolbar.py" line="24"/>
        <source>Most files</source>
        <translation>文件最多</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/toolbar.py" line="25"/>
        <source>Folder and name</source>
        <translation>文件夹和名称</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/toolbar.py" line="46"/>
        <source>Which copy of each group to keep</source>
        <translation>每组保留哪一份</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/toolbar.py" line="55"/>
        <source>Filter by folder</source>
        <translation>按文件夹筛选</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/toolbar.py" line="60"/>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results/toolbar.py" line="65"/>
        <source>Sort:</source>
        <translation>排序：</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../photodedup/gui/results/view.py" line="35"/>
        <source>Duplicate groups</source>
        <translation>重复照片组</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../photodedup/gui/review/trash_log.py" line="20"/>
        <source>No app could open the log. It is here:
%1</source>
        <translation>没有应用能打开日志。它在这里：
%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/trash_log.py" line="24"/>
        <source>Nothing has been moved to the Trash yet, so there is no log. It will be here:
%1</source>
        <translation>还没有文件被移到回收站，所以还没有日志。日志将保存在这里：
%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/trash_log.py" line="28"/>
        <source>Trash log</source>
        <translation>回收站日志</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/dialog.py" line="71"/>
        <source>Move to Trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/dialog.py" line="138"/>
        <source>Move the Files to This Folder</source>
        <translation>把文件移到此文件夹</translation>
    </message>
</context>
<context>
    <name>ReviewLauncher</name>
    <message>
        <location filename="../../photodedup/gui/review_launcher.py" line="53"/>
        <source>No files are marked for removal.</source>
        <translation>没有标记要移除的文件。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_launcher.py" line="101"/>
        <source>{n} file is missing or changed since the scan: it is flagged in the results</source>
        <translation>{n} 个文件在扫描后已不在或已更改：已在结果中标出</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_launcher.py" line="103"/>
        <source>{n} files are missing or changed since the scan: they are flagged in the results</source>
        <translation>{n} 个文件在扫描后已不在或已更改：已在结果中标出</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_launcher.py" line="108"/>
        <source>{n} mark removed</source>
        <translation>已取消 {n} 个标记</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_launcher.py" line="108"/>
        <source>{n} marks removed</source>
        <translation>已取消 {n} 个标记</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../photodedup/gui/review/review_page.py" line="105"/>
        <source>You can undo this afterwards: each file can be put back where it was. Each file is checked again just before it is moved: one that changed since the scan is left where it is.</source>
        <translation>之后可以撤销：每个文件都能放回原处。每个文件在移动前都会再检查一次：扫描后有改动的文件会留在原处。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/review_page.py" line="112"/>
        <source>Checking that the files are as scanned…</source>
        <translation>正在检查文件是否与扫描时一致…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/review_page.py" line="131"/>
        <source>Move to Trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/review_page.py" line="134"/>
        <source>Move to a Folder…</source>
        <translation>移到文件夹…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/review_page.py" line="137"/>
        <source>Move the files into a folder you choose instead of the Trash, keeping their paths below the scanned folders</source>
        <translation>把文件移到你选择的文件夹而不是回收站，并保留它们在所扫描文件夹下的路径</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/review_page.py" line="143"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/review_page.py" line="151"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/review_page.py" line="151"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/review_page.py" line="151"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/review_page.py" line="151"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/review_page.py" line="208"/>
        <source>Preparing the list of %n file…</source>
        <translation>
            <numerusform>正在准备 %n 个文件的列表…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/review_page.py" line="209"/>
        <source>Preparing the list of %n files…</source>
        <translation>
            <numerusform>正在准备 %n 个文件的列表…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/review_page.py" line="240"/>
        <source>Move %n File to Trash</source>
        <translation>
            <numerusform>把 %n 个文件移到回收站</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/review_page.py" line="240"/>
        <source>Move %n Files to Trash</source>
        <translation>
            <numerusform>把 %n 个文件移到回收站</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWords</name>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="29"/>
        <source>the date taken</source>
        <translation>拍摄日期</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="30"/>
        <source>the location</source>
        <translation>拍摄地点</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="31"/>
        <source>the camera model</source>
        <translation>相机型号</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="36"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="37"/>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="42"/>
        <source>No files are marked for removal.</source>
        <translation>没有标记要移除的文件。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="47"/>
        <source>Nothing can be moved yet.</source>
        <translation>目前还无法移动任何文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/words.py" line="51"/>
        <source>%n file</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/words.py" line="52"/>
        <source>%n files</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/words.py" line="56"/>
        <source>%n group</source>
        <translation>
            <numerusform>%n 组</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/words.py" line="57"/>
        <source>%n groups</source>
        <translation>
            <numerusform>%n 组</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="61"/>
        <source>Once that is fixed, %1 from %2 can be moved to the Trash, freeing %3.</source>
        <translation>修正之后，可将 %2 中的 %1 移到废纸篓，释放 %3。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="64"/>
        <source>%1 from %2 will be moved to the Trash, freeing %3.</source>
        <translation>%2中的%1将被移到回收站，释放 %3。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="73"/>
        <source>Nothing can be moved until this is fixed in the results:</source>
        <translation>在结果中修正以下问题之前，无法移动任何文件：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="84"/>
        <source>%1 is in no group of the results.</source>
        <translation>%1 不在结果的任何一组中。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="92"/>
        <source>Group %1 would lose every copy. Unmark at least one file in it in the results.</source>
        <translation>第 %1 组将失去所有副本。请在结果中至少取消标记其中一个文件。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="98"/>
        <source>Group %1: %2, the copy to keep, is missing or changed since the scan. Unmark another copy in the results, or scan again.</source>
        <translation>第 %1 组：要保留的副本 %2 在扫描后已不在或已更改。请在结果中取消标记另一个副本，或重新扫描。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="112"/>
        <source>Group %1: %2 is in a reference folder, which is never changed. Unmark it in the results.</source>
        <translation>第 %1 组：%2 位于参照文件夹中，参照文件夹绝不会被改动。请在结果中取消标记它。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="124"/>
        <source>Group %1</source>
        <translation>第 %1 组</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="128"/>
        <source>the copy to keep, %1, is missing or changed</source>
        <translation>要保留的副本 %1 已不在或已更改</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="132"/>
        <source>keeping nothing</source>
        <translation>不保留任何文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="135"/>
        <source>loses %1</source>
        <translation>将失去%1</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="141"/>
        <source>keeping %1</source>
        <translation>保留 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review/words.py" line="143"/>
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="152"/>
        <source>Group %1 would lose %2, which only %3 has.</source>
        <translation>第 %1 组将失去%2，只有 %3 有这些信息。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review/words.py" line="158"/>
        <source>Keep %1 instead</source>
        <translation>改为保留 %1</translation>
    </message>
</context>
<context>
    <name>ScanCommands</name>
    <message>
        <location filename="../../photodedup/gui/scan_commands.py" line="41"/>
        <source>Could not regroup: {error}</source>
        <translation>无法重新分组：{error}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_commands.py" line="54"/>
        <source>Add a folder to scan first.</source>
        <translation>请先添加要扫描的文件夹。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_commands.py" line="82"/>
        <location filename="../../photodedup/gui/scan_commands.py" line="96"/>
        <source>Scan again to apply the new settings.</source>
        <translation>重新扫描以应用新设置。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_commands.py" line="121"/>
        <source>Scan cancelled; what was read is cached.</source>
        <translation>扫描已取消；已读取的内容已缓存。</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_commands.py" line="125"/>
        <source>Scan failed</source>
        <translation>扫描失败</translation>
    </message>
</context>
<context>
    <name>ScanProgress</name>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="29"/>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="67"/>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="40"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="69"/>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="83"/>
        <source>Looking for photos…</source>
        <translation>正在查找照片…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="74"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="81"/>
        <source>Looking for photos… {n} files found</source>
        <translation>正在查找照片… 已找到 {n} 个文件</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="86"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="89"/>
        <source>Grouping look-alike photos</source>
        <translation>正在将相似照片分组</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="93"/>
        <source>{done} of {total} photos</source>
        <translation>{done} / {total} 张照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="95"/>
        <source>{rate} per second</source>
        <translation>每秒 {rate} 张</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="97"/>
        <source>about {time} left</source>
        <translation>大约还剩 {time}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="103"/>
        <source>In {folder}</source>
        <translation>位于 {folder}</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="113"/>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="116"/>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/progress_panel.py" line="118"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="24"/>
        <source>Exact</source>
        <translation>完全相同</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="25"/>
        <source>Very similar</source>
        <translation>非常相似</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="26"/>
        <source>Similar</source>
        <translation>相似</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="27"/>
        <source>Loosely similar</source>
        <translation>大致相似</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="30"/>
        <source>PDQ + colour check</source>
        <translation>PDQ + 颜色核对</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="54"/>
        <source>How alike two photos must be to count as duplicates</source>
        <translation>两张照片要多相似才算重复</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="64"/>
        <source>PDQ + colour check finds the most copies and keeps different photos apart; dHash is the classic, fastest choice</source>
        <translation>PDQ + 颜色核对能找到最多的副本，并把不同的照片分开；dHash 是经典、最快的选择</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="69"/>
        <source>64 bits</source>
        <translation>64 位</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="70"/>
        <source>256 bits</source>
        <translation>256 位</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="72"/>
        <source>More bits tell apart photos that differ in detail</source>
        <translation>位数越多，越能区分细节不同的照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="77"/>
        <source>Also match rotated and mirrored</source>
        <translation>同时匹配旋转和镜像的照片</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="78"/>
        <source>Also match cropped copies</source>
        <translation>同时匹配裁剪过的副本</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="81"/>
        <source>Copies cut by up to 20% from any sides (PDQ only). The first scan with it reads every photo again, and grouping takes longer</source>
        <translation>从任意边裁掉不超过 20% 的副本（仅限 PDQ）。开启后的第一次扫描会重新读取每张照片，分组也会更慢</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="86"/>
        <source>Also group near-blank photos</source>
        <translation>也对近乎空白的照片分组</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="91"/>
        <source> kB</source>
        <translation> kB</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="92"/>
        <source>Skip files smaller than this (icons, thumbnails)</source>
        <translation>跳过小于此大小的文件（图标、缩略图）</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="94"/>
        <source>e.g. *.tmp; @eaDir; .thumbnails</source>
        <translation>例如 *.tmp; @eaDir; .thumbnails</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="96"/>
        <source>File or folder name patterns to skip, separated by semicolons</source>
        <translation>要跳过的文件或文件夹名称模式，用分号分隔</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="103"/>
        <source>Similarity:</source>
        <translation>相似度：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="105"/>
        <source>Fingerprint:</source>
        <translation>指纹算法：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="109"/>
        <source>Minimum size:</source>
        <translation>最小文件大小：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="110"/>
        <source>Exclude:</source>
        <translation>排除：</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="212"/>
        <source>PDQ + colour check always compares near-blank photos (fog, snow, dark skies), with each other only and by a stricter rule</source>
        <translation>PDQ + 颜色检查总会比较近乎空白的照片（雾、雪、夜空），但只在它们彼此之间、按更严格的规则比较</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="217"/>
        <source>Near-blank photos (fog, snow, dark skies) carry too little for this fingerprint: they are left out unless this is on, and may then group with other near-blank photos</source>
        <translation>近乎空白的照片（雾、雪、夜空）对这种指纹而言信息太少：除非开启此项，否则它们不参与比较；开启后它们可能与其他近乎空白的照片分为一组</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="228"/>
        <source>{preset} — fingerprints must match exactly</source>
        <translation>{preset}——指纹必须完全一致</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="231"/>
        <source>{preset} — up to {n} of {bits} PDQ bits differ, and tones and colours agree</source>
        <translation>{preset} — {bits} 位 PDQ 中最多 {n} 位不同，且色调和颜色一致</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/settings_panel.py" line="234"/>
        <source>{preset} — up to {n} of {bits} bits differ</source>
        <translation>{preset}——{bits} 位中最多 {n} 位不同</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../photodedup/gui/scan/sidebar.py" line="22"/>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan/sidebar.py" line="24"/>
        <source>Matching</source>
        <translation>匹配</translation>
    </message>
</context>
<context>
    <name>_FolderTree</name>
    <message>
        <location filename="../../photodedup/gui/scan/folder_list.py" line="61"/>
        <source>Drop folders here or click Add folder…</source>
        <translation>把文件夹拖到这里，或点击“添加文件夹…”</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="57"/>
        <source>ReviewDialog</source>
        <comment>No app could open the log. It is here:
%1</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="60"/>
        <source>ReviewDialog</source>
        <comment>Nothing has been moved to the Trash yet, so there is no log. It will be here:
%1</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="63"/>
        <source>ReviewDialog</source>
        <comment>Trash log</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../photodedup/gui/empty_state.py" line="26"/>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/empty_state.py" line="29"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/empty_state.py" line="43"/>
        <source>Find duplicate photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/empty_state.py" line="46"/>
        <source>Press Scan to look for look-alike photos in your folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/empty_state.py" line="48"/>
        <source>Nothing is deleted until you review the marked copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/empty_state.py" line="52"/>
        <source>Drop folders here or click Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/empty_state.py" line="54"/>
        <source>Then press Scan. Nothing is deleted until you review the marked copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/empty_state.py" line="60"/>
        <source>No duplicates found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/empty_state.py" line="62"/>
        <source>{n} photos were compared. Try a looser similarity to find more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorsModel</name>
    <message>
        <location filename="../../photodedup/gui/errors_panel.py" line="49"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/errors_panel.py" line="49"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorsPanel</name>
    <message>
        <location filename="../../photodedup/gui/errors_panel.py" line="67"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/errors_panel.py" line="79"/>
        <source>Copy list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/errors_panel.py" line="80"/>
        <source>Copy every path and problem to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/errors_panel.py" line="104"/>
        <source>{n} files could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/errors_panel.py" line="106"/>
        <source>{n} problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/errors_panel.py" line="107"/>
        <source>Show the files the scan could not use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderList</name>
    <message>
        <location filename="../../photodedup/gui/folder_list.py" line="40"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/folder_list.py" line="40"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/folder_list.py" line="41"/>
        <location filename="../../photodedup/gui/folder_list.py" line="133"/>
        <source>Reference: never delete from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/folder_list.py" line="53"/>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/folder_list.py" line="56"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/folder_list.py" line="57"/>
        <source>Remove the selected folders from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/folder_list.py" line="111"/>
        <source>Add folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="57"/>
        <source>Most space to free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="58"/>
        <source>Most files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="59"/>
        <source>Folder and name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="62"/>
        <source>Highest resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="63"/>
        <source>Largest file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="64"/>
        <source>Oldest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="65"/>
        <source>Newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="137"/>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="139"/>
        <source>Matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="141"/>
        <location filename="../../photodedup/gui/main_window.py" line="360"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="155"/>
        <source>Which copy of each group to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="156"/>
        <source>Mark all but best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="157"/>
        <source>Unmark all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="162"/>
        <source>Filter by folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="164"/>
        <source>Review and remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="165"/>
        <source>Review the marked files and move them to the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="167"/>
        <source>Keep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="172"/>
        <source>Sort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="195"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="196"/>
        <source>&amp;Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="197"/>
        <location filename="../../photodedup/gui/main_window.py" line="362"/>
        <source>&amp;Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="198"/>
        <source>&amp;Export results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="200"/>
        <source>Open trash &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="202"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="204"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="205"/>
        <source>&amp;Mark all but best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="206"/>
        <source>&amp;Unmark all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="207"/>
        <source>&amp;Invert marks in group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="209"/>
        <source>&amp;Review and remove marked…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="211"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="213"/>
        <source>&amp;Problems panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="215"/>
        <source>&amp;Sort groups by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="220"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="223"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="224"/>
        <source>&amp;About photodedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="227"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="307"/>
        <source>Add a folder to scan first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="318"/>
        <source>Cancel scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="319"/>
        <source>Cancel &amp;scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="320"/>
        <source>Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="346"/>
        <source>Scan cancelled; what was read is cached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="351"/>
        <source>Scan failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="395"/>
        <source>Scan again to apply the new settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="436"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="438"/>
        <source>{groups} groups · {marked} files marked · {size} to free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="445"/>
        <source>{n} groups have every copy marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="460"/>
        <source>No files are marked for removal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="484"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="486"/>
        <source>Show in file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="488"/>
        <source>Copy path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="490"/>
        <source>Marked for removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="495"/>
        <source>Compare group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="497"/>
        <source>Not a duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="501"/>
        <source>This is the group&apos;s reference photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="517"/>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="519"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="532"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="534"/>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="539"/>
        <source>About photodedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="541"/>
        <source>&lt;h3&gt;photodedup {version}&lt;/h3&gt;&lt;p&gt;Finds near-duplicate photos — resized, recompressed, rotated or lightly edited copies — and moves the copies you choose to the system trash.&lt;/p&gt;&lt;p&gt;Nothing is ever deleted permanently.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="550"/>
        <source>The language changes the next time photodedup starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/main_window.py" line="571"/>
        <source>{n} folders added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsDelegate</name>
    <message>
        <location filename="../../photodedup/gui/results_delegate.py" line="158"/>
        <source>Group {number} · {n} photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results_delegate.py" line="160"/>
        <source>{size} to free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results_delegate.py" line="162"/>
        <source>⚠ every copy is marked, none would be kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results_delegate.py" line="191"/>
        <source>Kept: reference folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results_delegate.py" line="194"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results_delegate.py" line="231"/>
        <source>{format} · reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results_delegate.py" line="233"/>
        <source>{format} · distance {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results_delegate.py" line="244"/>
        <source>No preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/results_delegate.py" line="300"/>
        <source>In a reference folder: never removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../photodedup/gui/results_model.py" line="57"/>
        <source>{n} similar photos: {names}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../photodedup/gui/results_view.py" line="38"/>
        <source>Duplicate groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="89"/>
        <source>Move to Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="136"/>
        <source>You can restore them from the Trash. Each file is checked again just before it is moved: one that changed since the scan is left where it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="153"/>
        <location filename="../../photodedup/gui/review_dialog.py" line="383"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="153"/>
        <location filename="../../photodedup/gui/review_dialog.py" line="383"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="153"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="153"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="169"/>
        <source>Move %n File to Trash</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="169"/>
        <source>Move %n Files to Trash</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="174"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="184"/>
        <source>No files are marked for removal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="186"/>
        <source>%n file</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="186"/>
        <source>%n files</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="187"/>
        <source>%n group</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="187"/>
        <source>%n groups</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="188"/>
        <source>%1 from %2 will be moved to the Trash, freeing %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="196"/>
        <source>Nothing can be moved until this is fixed in the results:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="211"/>
        <source>Group %1 would lose every copy. Unmark at least one file in it in the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="222"/>
        <source>Group %1: %2 is in a reference folder, which is never changed. Unmark it in the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="254"/>
        <source>Group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="256"/>
        <source>keeping nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="260"/>
        <source>keeping %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="262"/>
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="293"/>
        <location filename="../../photodedup/gui/review_dialog.py" line="318"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="294"/>
        <source>Stop after the file being moved now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="304"/>
        <source>Moving %n file to the Trash…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="305"/>
        <source>Moving %n files to the Trash…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="310"/>
        <source>Moving %n file to %1…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="311"/>
        <source>Moving %n files to %1…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="335"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="373"/>
        <source>Move Them to a Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="383"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="383"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="396"/>
        <source>Open Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="397"/>
        <source>Every file moved is listed there, with where it went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="399"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="416"/>
        <source>Moved %n file to the Trash (%1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="417"/>
        <source>Moved %n files to the Trash (%1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="424"/>
        <source>Moved %n file to the folder you chose (%1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="425"/>
        <source>Moved %n files to the folder you chose (%1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="429"/>
        <source>No file was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="437"/>
        <source>The Trash is not available for %n file</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="438"/>
        <source>The Trash is not available for %n files</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="441"/>
        <source> (for example on a network or removable drive). They are still in place; you can move them to a folder of your choice instead. Nothing is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="450"/>
        <source>%n file was left where it is:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodedup/gui/review_dialog.py" line="451"/>
        <source>%n files were left where they are:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="462"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="463"/>
        <source>No Trash here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="464"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="471"/>
        <source>You stopped before this file was reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/review_dialog.py" line="484"/>
        <source>Move the Files to This Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanProgress</name>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="19"/>
        <location filename="../../photodedup/gui/scan_progress.py" line="50"/>
        <source>Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="30"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="52"/>
        <source>Looking for photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="57"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="63"/>
        <source>Looking for photos… {n} files found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="65"/>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="68"/>
        <source>Grouping look-alike photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="72"/>
        <source>{done} of {total} photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="74"/>
        <source>{rate} per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="76"/>
        <source>about {time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="80"/>
        <source>In {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="90"/>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="93"/>
        <source>{m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/scan_progress.py" line="95"/>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="24"/>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="25"/>
        <source>Very similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="26"/>
        <source>Similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="27"/>
        <source>Loosely similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="48"/>
        <source>How alike two photos must be to count as duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="57"/>
        <source>dHash is fast and robust; pHash tolerates more edits; aHash is the loosest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="60"/>
        <source>64 bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="61"/>
        <source>256 bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="62"/>
        <source>More bits tell apart photos that differ in detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="67"/>
        <source>Also match rotated and mirrored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="71"/>
        <source> KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="72"/>
        <source>Skip files smaller than this (icons, thumbnails)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="74"/>
        <source>e.g. *.tmp; @eaDir; .thumbnails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="76"/>
        <source>File or folder name patterns to skip, separated by semicolons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="83"/>
        <source>Similarity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="85"/>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="87"/>
        <source>Minimum size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="88"/>
        <source>Exclude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="147"/>
        <source>{preset} — fingerprints must match exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../photodedup/gui/settings_panel.py" line="149"/>
        <source>{preset} — up to {n} of {bits} bits differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>delegate</name>
    <message>
        <location filename="../../photodedup/gui/results_delegate.py" line="312"/>
        <source>modified {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

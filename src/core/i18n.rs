//! Every piece of interface text, in Chinese and English.
//!
//! One enum, so a missing translation is a compile error rather than a blank label.
//! Document text is never translated; only the interface is.

use serde::{Deserialize, Serialize};

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            Lang::En => "en",
        }
    }

    /// The other language (shown below the interface language in popovers).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Picks the language from the browser's preference list (`navigator.languages`).
    pub fn from_browser(preferred: &[String]) -> Lang {
        for tag in preferred {
            let tag = tag.to_ascii_lowercase();
            if tag.starts_with("zh") {
                return Lang::Zh;
            }
            if tag.starts_with("en") {
                return Lang::En;
            }
        }
        Lang::En
    }
}

macro_rules! messages {
    ($($name:ident => $zh:expr, $en:expr;)*) => {
        /// An interface message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Zh) => $zh, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    AppName => "丝路读本", "Silk Road Reader";
    AppTagline => "“一带一路”与中国制造政策文本阅读器", "A reader for Chinese texts on the Belt and Road and Chinese manufacturing";
    SkipToContent => "跳到正文", "Skip to content";
    SkipText => "跳过正文", "Skip the text";
    EtAl => "等", " et al.";
    SourceAndDetails => "出处与详情", "Source and details";
    SkipTextTerms => "个术语", "terms";
    StripKeys => "方向键在各处之间移动，Home 与 End 到首尾", "The arrow keys move between the occurrences; Home and End go to the first and last";
    NavLibrary => "文库", "Library";
    NavGlossary => "术语表", "Glossary";
    NavNotes => "笔记", "Notes";
    NavSearch => "搜索", "Search";
    NavAnalytics => "术语统计", "Term analytics";
    NavSettings => "设置", "Settings";
    NavAbout => "关于", "About";
    MainNav => "主导航", "Main navigation";
    LibraryTitle => "文库", "Library";
    LibraryIntro => "八篇关于“一带一路”、国际产能合作与中国制造业的中文文本。点击标题开始阅读。", "Eight Chinese texts on the Belt and Road Initiative, international capacity cooperation and Chinese manufacturing. Open a title to read.";
    SortBy => "排序", "Sort by";
    SortCorpus => "文库顺序", "Corpus order";
    SortYearNew => "年份（新→旧）", "Year (newest first)";
    SortYearOld => "年份（旧→新）", "Year (oldest first)";
    SortLength => "篇幅", "Length";
    FilterKind => "来源类型", "Source type";
    FilterAll => "全部", "All";
    KindJournal => "期刊论文", "Journal article";
    KindNewspaper => "报纸文章", "Newspaper article";
    KindBook => "图书节选", "Book excerpt";
    KindMagazine => "杂志文章", "Magazine article";
    Chars => "字", "characters";
    VenueUnknown => "刊载出处不详", "venue unknown";
    AuthorsUnknown => "作者不详", "author unknown";
    DateUnknown => "日期不详", "date unknown";
    Circa => "约", "c.";
    EditorialTitle => "编者拟题", "title supplied by the editors";
    EditorialAuthors => "作者信息由编者补充", "authors supplied by the editors";
    FiveCountsChart => "“五通”词频", "Five-connectivity term counts";
    NotFoundTitle => "找不到这个页面", "Page not found";
    UnavailableTitle => "此页未能载入", "This page could not be loaded";
    UnavailableBody => "这一页的程序没能下载（网络中断？）。请检查网络连接后再次打开此页；已打开的文本和笔记不受影响。", "Its code could not be downloaded (is the network down?). Check the connection and open the page again; the texts and your notes are not affected.";
    LoadingPart => "正在载入……", "Loading…";
    LoadingText => "正在载入文本……", "Loading the text…";
    TextUnavailable => "文本未能载入（网络中断？）。请检查网络连接后重试。", "The text could not be loaded (is the network down?). Check the connection and try again.";
    TryAgain => "重试", "Try again";
    PartUnavailable => "这部分未能载入（网络中断？）。请检查网络连接后再试一次。", "This part could not be loaded (is the network down?). Check the connection and try again.";
    NotFoundBody => "链接可能有误，或文档已更名。", "The link may be mistyped, or the document was renamed.";
    BackToLibrary => "返回文库", "Back to the library";
    FooterTexts => "文本版权归原作者及出版者所有，仅供研究与学习使用；每篇均注明出处。", "Texts remain the work of their authors and publishers, shown for study and research with their sources.";
    FooterCode => "阅读器为开源软件（MIT 许可）。分词：jieba-rs（MIT）。", "The reader is open-source software (MIT licence). Segmentation: jieba-rs (MIT).";
    FooterSources => "来源与致谢", "Sources and credits";
    Contents => "目录", "Contents";
    OpenContents => "打开目录", "Open contents";
    CloseContents => "关闭目录", "Close contents";
    Legend => "“五通”图例", "Five connectivities legend";
    LegendThisDoc => "本文", "this text";
    LegendCorpus => "全库", "corpus";
    ShowAll => "全部显示", "Show all";
    ShowNone => "全部隐藏", "Hide all";
    Distribution => "“五通”在文中的分布", "Where the five terms occur in this text";
    PublicationDetails => "出版信息", "Publication details";
    ExcerptEnds => "节选至此：原文在此处中断。", "Excerpt ends here: the source text breaks off at this point.";
    EditorialNote => "文本整理说明", "How this text was established";
    Attribution => "出处", "Source";
    PrevDoc => "上一篇", "Previous text";
    NextDoc => "下一篇", "Next text";
    Progress => "阅读进度", "Reading progress";
    Paragraph => "段", "paragraph";
    ParaLinkCopied => "段落链接已复制", "Paragraph link copied";
    CopyParaLink => "复制本段链接", "Copy link to this paragraph";
    SettingsTitle => "阅读设置", "Reading settings";
    FontSize => "字号", "Font size";
    LineHeight => "行距", "Line height";
    ThemeLabel => "主题", "Theme";
    ThemeSystem => "跟随系统", "System";
    ThemeLight => "浅色", "Light";
    ThemeDark => "深色", "Dark";
    ThemeSepia => "护眼（米黄）", "Sepia";
    LanguageLabel => "界面语言", "Interface language";
    WordBoundaries => "显示分词边界", "Show word boundaries";
    ParaNumbers => "显示段落编号", "Show paragraph numbers";
    GlossaryHighlight => "术语标注", "Glossary highlighting";
    GlossaryAll => "全部", "Every occurrence";
    GlossaryFirst => "每段首次", "First per paragraph";
    GlossaryOff => "关闭", "Off";
    Close => "关闭", "Close";
    Shortcuts => "键盘快捷键", "Keyboard shortcuts";
    ShortcutsBody => "Alt+Shift+F 搜索 · Alt+Shift+M 为所选文字（或当前段落）记笔记 · Alt+Shift+C 目录 · Alt+Shift+N 下一篇 · Alt+Shift+P 上一篇 · Esc 关闭弹窗", "Alt+Shift+F search · Alt+Shift+M note the selection (or the current paragraph) · Alt+Shift+C contents · Alt+Shift+N next text · Alt+Shift+P previous text · Esc closes a popup";
    LoadingSegmenter => "正在分词……", "Segmenting…";
    Reset => "恢复默认", "Reset to defaults";
    AboutTitle => "关于丝路读本", "About Silk Road Reader";
    CorrectedMarker => "已更正", "corrected";
    Reader => "阅读", "Reader";
    Occurrences => "次", "occurrences";
    PopoverFont => "术语弹窗字号", "Glossary popup text size";
    LangZh => "中文", "中文 (Chinese)";
    LangEn => "English（英文）", "English";
    PinyinSetting => "术语弹窗显示拼音", "Show pinyin in glossary popups";
    Words => "词", "words";
    Texts => "篇", "texts";
    DocMetaAuthors => "作者", "Authors";
    DocMetaVenue => "刊载", "Published in";
    DocMetaAffiliation => "作者单位", "Affiliation";
    OpenText => "阅读全文", "Read the text";
    ToolsLabel => "阅读工具", "Reading tools";
    Toggle => "显示/隐藏", "show/hide";
    // glossary
    CatFive => "“五通”与互联互通", "Five connectivities and connectivity";
    CatSlogan => "口号、原则与数字化提法", "Slogans, principles and numbered formulas";
    CatProgramme => "规划、战略与政策文件", "Programmes, strategies and policy documents";
    CatInstitution => "机构、基金与论坛", "Institutions, funds and forums";
    CatAcronym => "缩略语", "Acronyms";
    CatPlace => "项目、走廊与地名", "Projects, corridors and places";
    CatConcept => "经济概念", "Economic concepts";
    InCorpus => "文库中出现", "In the corpus:";
    AllOccurrences => "查看全部出处", "All occurrences";
    AlsoRendered => "又译", "also rendered";
    Confidence => "考证可信度", "confidence";
    LoadingDefinition => "正在载入释义……", "Loading the definition…";
    DefinitionUnavailable => "释义暂时无法载入", "The definition could not be loaded";
    OfficialEnglish => "官方英译", "Official English";
    SenseHere => "本文库中的含义", "The sense in these texts";
    Parts => "组成部分", "Parts";
    Origin => "由来", "Origin";
    Related => "相关词条", "Related entries";
    Sources => "资料来源", "Sources";
    Pinyin => "拼音", "Pinyin";
    SmallerText => "缩小字号", "Smaller text";
    LargerText => "放大字号", "Larger text";
    GlossaryTitle => "术语表", "Glossary";
    GlossaryIntro => "文库中的政策术语、口号、机构与概念，附拼音、英译、释义、由来与出处。", "The policy terms, slogans, institutions and concepts of these texts, with pinyin, English renderings, definitions, origins and sources.";
    FilterGlossary => "筛选（中文、拼音或英文）", "Filter (Chinese, pinyin or English)";
    NoMatches => "没有匹配的词条。", "No entry matches.";
    Entries => "条", "entries";
    BackToGlossary => "返回术语表", "Back to the glossary";
    ConcordanceTitle => "全部出处（语境索引）", "Every occurrence (concordance)";
    ReferenceOnly => "仅供参考：文库中未出现", "For reference: not in these texts";
    // notes
    NoteSaved => "笔记已保存", "Note saved";
    NewNote => "新笔记", "New note";
    EditNote => "编辑笔记", "Edit note";
    NoteOnPassage => "段内摘录笔记", "Note on a passage";
    NoteOnParagraph => "整段笔记", "Note on the paragraph";
    NoteOnDocument => "全文笔记", "Note on this text";
    NoteText => "笔记内容", "Note";
    NoteColour => "标记颜色", "Highlight colour";
    NoteTags => "标签（用逗号分隔）", "Tags (comma-separated)";
    Save => "保存", "Save";
    Cancel => "取消", "Cancel";
    GoToPassage => "转到原文", "Go to passage";
    Delete => "删除", "Delete";
    Edit => "编辑", "Edit";
    NoteDeleted => "笔记已删除", "Note deleted";
    Undo => "撤销", "Undo";
    SelectionActions => "所选文字的操作", "Actions for the selection";
    AddNote => "记笔记", "Add note";
    OrphanNote => "无法在当前文本中定位这条笔记——以下是它摘录的原文：", "This note could not be placed in the current text — here is its quote:";
    NotesHint => "选中文字即可记笔记；笔记保存在本浏览器中，可随时导出。", "Select text to take a note. Notes stay in this browser; export them any time.";
    StorageUnavailable => "此处无法保存笔记（浏览器禁止了本地存储）：笔记只保留到关闭页面为止。请导出备份。", "Notes cannot be saved here (the browser blocks storage): they last only for this visit. Export them to keep them.";
    StorageFull => "浏览器存储空间已满：最新的笔记尚未保存。请导出笔记后清理空间。", "The browser's storage is full: your latest notes are NOT saved. Export them, then free some space.";
    StorageUnreadable => "已保存的笔记数据无法读取。原始数据已另存备份，未被覆盖；可读部分已恢复。", "The saved notes could not be read. The raw data is kept in a backup and was not overwritten; what could be read was recovered.";
    StorageFuture => "已保存的笔记来自更新版本的阅读器。为免丢失，本版本不会改写它们；本次修改只保存在内存中。", "The saved notes come from a newer version of the reader. To lose nothing, this version will not overwrite them; changes now last for this visit only.";
    ExportJson => "导出 JSON", "Export JSON";
    ExportMarkdown => "导出 Markdown", "Export Markdown";
    ImportJson => "导入 JSON", "Import JSON";
    DownloadRaw => "下载原始数据", "Download the raw data";
    Dismiss => "知道了", "Dismiss";
    NotesIntro => "所有文本中的笔记。可搜索、筛选、排序，导出为 JSON 或 Markdown（附引用信息与原文链接），或导入 JSON。", "Your notes across all texts. Search, filter and sort them; export them as JSON or Markdown (with citations and links back to the text), or import JSON.";
    FilterDoc => "文本", "Text";
    SortPosition => "按原文位置", "Position in the text";
    SortNewest => "最新在前", "Newest first";
    SortOldest => "最早在前", "Oldest first";
    ImportTooLarge => "文件太大，超过导入上限", "The file is larger than the import limit";
    ImportFailed => "导入失败", "Import failed";
    ImportDone => "导入完成", "Imported";
    ImportAdded => "条新增", "added";
    ImportUpdated => "条更新", "updated";
    ImportUnchanged => "条未变（本地版本相同或更新）", "unchanged (local copy same or newer)";
    ImportDuplicates => "条重复（文件内同一 id，保留最新）", "duplicates in the file (same id; the newest kept)";
    SoftwareTitle => "软件与致谢", "Software and credits";
    SoftwareBody => "分词：jieba-rs（MIT 许可），词典取自 jieba 项目词典（MIT 许可）。界面：Leptos（MIT 许可）。术语释义由丝路读本团队依据各词条所列公开资料撰写。", "Segmentation by jieba-rs (MIT licence), with a dictionary derived from the jieba project's (MIT licence). Interface built with Leptos (MIT licence). Glossary definitions are written by the Silk Road Reader team from the public sources each entry cites.";
    // search, concordance, analytics, citation
    SearchLabel => "搜索文库与术语表", "Search the texts and the glossary";
    SearchPlaceholder => "搜索……（按 / 键）", "Search… (press /)";
    SearchMode => "匹配方式", "Match";
    ModeWord => "按词（依据分词）", "Whole words (by segmentation)";
    ModeSubstring => "任意字串", "Any substring";
    SearchEmpty => "请输入要搜索的词。", "Type a word to search for.";
    Hits => "处", "hits";
    SortDoc => "按文本顺序", "Document order";
    SortLeft => "按左侧语境", "Left context";
    SortRight => "按右侧语境", "Right context";
    ExportCsv => "导出 CSV", "Export CSV";
    AnalyticsIntro => "“五通”五项与各文本最常见的术语。点击任一条形查看该词的全部语境。", "The five connectivities and each text's most frequent glossary terms. Select a bar to see every occurrence of that term.";
    FiveAcrossDocs => "“五通”在各文本中的出现次数", "The five connectivities across the texts";
    TopTerms => "各文本最常见的术语", "Most frequent glossary terms per text";
    CopyCitation => "复制引用", "Copy citation";
    CitePlain => "纯文本", "Plain text";
    CiteMarkdown => "Markdown", "Markdown";
    CiteChicago => "芝加哥格式（Chicago）", "Chicago";
    CiteGbt => "GB/T 7714", "GB/T 7714";
    Copy => "复制", "Copy";
    Copied => "已复制到剪贴板", "Copied to the clipboard";
    CopyFailed => "无法写入剪贴板，请手动复制", "Could not write to the clipboard; copy it by hand";
    Cite => "引用", "Cite";
    LookUp => "查找", "Look up";
    ContinueReading => "继续阅读", "Continue";
    LookUpHint => "在全部文本和术语表中查找所选文字", "Find the selected words in every text and in the glossary";
    ImportUnknownDocs => "以下文本不在本文库中（笔记已保留）", "These texts are not in this library (the notes are kept)";
    // embed and offline
    EmbedThis => "嵌入", "Embed";
    EmbedTitle => "嵌入您的网站", "Embed on your website";
    EmbedIntro => "把下面的代码粘贴到网页中：阅读器会以紧凑模式显示，并自动调整高度。", "Paste this code into a web page: the reader appears in a compact form and sizes itself to its content.";
    EmbedScope => "嵌入内容", "What to embed";
    EmbedWholeDoc => "全文", "The whole text";
    EmbedLang => "界面语言", "Interface language";
    EmbedTheme => "主题", "Theme";
    EmbedReaderChoice => "由读者的浏览器决定", "Left to the reader's browser";
    EmbedFiveCurrent => "只高亮我现在显示的“五通”术语", "Highlight only the five-connectivity terms I have switched on";
    EmbedHost => "您网站的源（可选）", "Your site's origin (optional)";
    EmbedHostHint => "例如 https://www.example.org。填写后，阅读器只与该源通信。", "For example https://www.example.org. The reader then talks to that origin only.";
    EmbedHostInvalid => "这不是有效的源：应为“协议://主机[:端口]”，不含路径。", "This is not a valid origin: use scheme://host[:port], without a path.";
    EmbedCode => "嵌入代码", "Embed code";
    EmbedCopy => "复制代码", "Copy the code";
    EmbedCopied => "嵌入代码已复制", "Embed code copied";
    EmbedCopyFailed => "无法自动复制：代码已选中，请按 Ctrl+C（⌘C）复制。", "Could not copy automatically: the code is selected, press Ctrl+C (⌘C).";
    EmbedPreview => "预览", "Preview";
    NewWindow => "（在新窗口中打开）", "(opens in a new window)";
    EmbedBarLabel => "嵌入的阅读器", "Embedded reader";
    OpenFullReader => "在完整阅读器中打开", "Open in the full reader";
    EmbedStorageBlocked => "此处无法保存笔记：浏览器不允许嵌入的阅读器存储数据。要做笔记，请在完整阅读器中打开本文。", "Notes cannot be kept here: the browser does not let an embedded reader store anything. To take notes, open this text in the full reader.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages() {
        for m in Msg::ALL {
            assert!(!m.text(Lang::Zh).trim().is_empty(), "{m:?} zh");
            assert!(!m.text(Lang::En).trim().is_empty(), "{m:?} en");
        }
    }

    #[test]
    fn browser_language() {
        assert_eq!(Lang::from_browser(&["zh-CN".into(), "en".into()]), Lang::Zh);
        assert_eq!(Lang::from_browser(&["de".into(), "en-GB".into()]), Lang::En);
        assert_eq!(Lang::from_browser(&[]), Lang::En);
    }
}

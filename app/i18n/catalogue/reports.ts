import type { Messages } from "./entry";

/** Messages of the reports namespace; every key starts with "reports.". */
export const reports = {
  // a report's stored versions
  "reports.versions.empty": {
    en: "No report has been generated yet.",
    de: "Es wurde noch kein Bericht erstellt.",
    ja: "レポートはまだ作成されていません。",
    ar: "لم يتم إنشاء أي تقرير بعد.",
  },
  "reports.column.version": { en: "Version", de: "Version", ja: "バージョン", ar: "الإصدار" },
  "reports.versions.onApproval": {
    en: "(on approval)",
    de: "(bei Freigabe)",
    ja: "（承認時）",
    ar: "(عند الاعتماد)",
  },
  "reports.column.generated": { en: "Generated", de: "Erstellt", ja: "作成日時", ar: "تاريخ الإنشاء" },
  "reports.column.by": { en: "By", de: "Von", ja: "作成者", ar: "بواسطة" },
  "reports.column.file": { en: "File", de: "Datei", ja: "ファイル", ar: "الملف" },
  "reports.versions.download": {
    en: "Download PDF",
    de: "PDF herunterladen",
    ja: "PDF をダウンロード",
    ar: "تنزيل PDF",
  },
  "reports.versions.pages": {
    en: "{pages, plural, one {# page} other {# pages}}, {size}",
    de: "{pages, plural, one {# Seite} other {# Seiten}}, {size}",
    ja: "{pages, plural, other {# ページ}}、{size}",
    ar: "{pages, plural, zero {# صفحة} one {صفحة واحدة} two {صفحتان} few {# صفحات} many {# صفحةً} other {# صفحة}}، {size}",
  },
  "reports.versions.generating": {
    en: "Generating the report…",
    de: "Bericht wird erstellt…",
    ja: "レポートを作成中…",
    ar: "جارٍ إنشاء التقرير…",
  },
  "reports.versions.generateNew": {
    en: "Generate a new version",
    de: "Neue Version erstellen",
    ja: "新しいバージョンを作成",
    ar: "إنشاء إصدار جديد",
  },
  "reports.versions.generate": {
    en: "Generate the report",
    de: "Bericht erstellen",
    ja: "レポートを作成",
    ar: "إنشاء التقرير",
  },
  "reports.versions.verifyHint": {
    en: "Anyone holding a copy can check it is authentic and current at <link>/verify</link>.",
    de: "Wer eine Kopie besitzt, kann unter <link>/verify</link> prüfen, ob sie echt und aktuell ist.",
    ja: "コピーをお持ちの方は誰でも、<link>/verify</link> で真正性と最新性を確認できます。",
    ar: "يمكن لأي شخص لديه نسخة التحقق من أصالتها وحداثتها على <link>/verify</link>.",
  },

  // what generating a report refuses
  "reports.refused.unknownAction": {
    en: "Unknown action.",
    de: "Unbekannte Aktion.",
    ja: "不明な操作です。",
    ar: "إجراء غير معروف.",
  },
  "reports.refused.noScore": {
    en: "This assessment has no score yet: a report can be made once it is submitted.",
    de: "Diese Bewertung hat noch kein Ergebnis: Ein Bericht kann erstellt werden, sobald sie eingereicht ist.",
    ja: "この評価にはまだスコアがありません。提出後にレポートを作成できます。",
    ar: "لا توجد نتيجة لهذا التقييم بعد: يمكن إنشاء التقرير بعد إرساله.",
  },
  "reports.refused.noAssessment": {
    en: "The assessment does not exist.",
    de: "Die Bewertung existiert nicht.",
    ja: "この評価は存在しません。",
    ar: "التقييم غير موجود.",
  },
  "reports.refused.noAgreementOfAssessment": {
    en: "The agreement of this assessment no longer exists.",
    de: "Die Vereinbarung dieser Bewertung existiert nicht mehr.",
    ja: "この評価の契約はすでに存在しません。",
    ar: "لم تعد اتفاقية هذا التقييم موجودة.",
  },
  "reports.refused.noAgreement": {
    en: "The agreement does not exist.",
    de: "Die Vereinbarung existiert nicht.",
    ja: "この契約は存在しません。",
    ar: "الاتفاقية غير موجودة.",
  },

  // the public verification page
  "reports.verify.hashFormat": {
    en: "A SHA-256 is 64 hexadecimal characters (0–9, a–f).",
    de: "Ein SHA-256 besteht aus 64 Hexadezimalzeichen (0–9, a–f).",
    ja: "SHA-256 は 64 文字の 16 進数（0–9、a–f）です。",
    ar: "تتكون قيمة SHA-256 من 64 حرفًا ست عشريًا (0–9، a–f).",
  },
  "reports.verify.tooLarge": {
    en: "That file is far larger than any report the portal issues (at most 50 MB).",
    de: "Diese Datei ist weit größer als jeder Bericht, den das Portal ausstellt (höchstens 50 MB).",
    ja: "このファイルは、ポータルが発行するどのレポートよりもはるかに大きいです（最大 50 MB）。",
    ar: "هذا الملف أكبر بكثير من أي تقرير تصدره البوابة (50 ميغابايت على الأكثر).",
  },
  "reports.verify.unreadable": {
    en: "The upload could not be read. Try again.",
    de: "Der Upload konnte nicht gelesen werden. Bitte versuchen Sie es erneut.",
    ja: "アップロードを読み取れませんでした。もう一度お試しください。",
    ar: "تعذرت قراءة الملف المرفوع. حاول مرة أخرى.",
  },
  "reports.verify.chooseFile": {
    en: "Choose the PDF file to check.",
    de: "Wählen Sie die zu prüfende PDF-Datei.",
    ja: "確認する PDF ファイルを選択してください。",
    ar: "اختر ملف PDF المراد التحقق منه.",
  },
  "reports.verify.emptyFile": {
    en: "That file is empty.",
    de: "Diese Datei ist leer.",
    ja: "このファイルは空です。",
    ar: "هذا الملف فارغ.",
  },
  "reports.verify.kind": {
    en: "{kind, select, assessment {Supplier assessment report} agreement {Agreement flow-down compliance report} other {{kind}}}",
    de: "{kind, select, assessment {Bericht zur Lieferantenbewertung} agreement {Bericht zur Einhaltung der weitergegebenen Vereinbarungspflichten} other {{kind}}}",
    ja: "{kind, select, assessment {サプライヤー評価レポート} agreement {契約フローダウン遵守レポート} other {{kind}}}",
    ar: "{kind, select, assessment {تقرير تقييم المورد} agreement {تقرير الامتثال للالتزامات المنقولة في الاتفاقية} other {{kind}}}",
  },
  "reports.verify.notAuthentic": {
    en: "Not an authentic Flowdown report",
    de: "Kein echter Flowdown-Bericht",
    ja: "Flowdown が発行した真正なレポートではありません",
    ar: "ليس تقريرًا أصليًا من Flowdown",
  },
  "reports.verify.notAuthenticText": {
    en: "No report issued by this portal has this SHA-256. The file may have been altered, even by one byte, or it was not issued here.",
    de: "Kein von diesem Portal ausgestellter Bericht hat diesen SHA-256. Die Datei wurde möglicherweise verändert, und sei es nur um ein Byte, oder sie wurde nicht hier ausgestellt.",
    ja: "このポータルが発行したレポートに、この SHA-256 を持つものはありません。ファイルが 1 バイトでも改変されたか、ここで発行されたものではない可能性があります。",
    ar: "لا يوجد تقرير صادر عن هذه البوابة بقيمة SHA-256 هذه. ربما عُدّل الملف، ولو ببايت واحد، أو لم يصدر من هنا.",
  },
  "reports.verify.notAuthenticFile": {
    en: "No report issued by this portal has this SHA-256 (the file “{fileName}”). The file may have been altered, even by one byte, or it was not issued here.",
    de: "Kein von diesem Portal ausgestellter Bericht hat diesen SHA-256 (die Datei „{fileName}“). Die Datei wurde möglicherweise verändert, und sei es nur um ein Byte, oder sie wurde nicht hier ausgestellt.",
    ja: "このポータルが発行したレポートに、この SHA-256 を持つものはありません（ファイル「{fileName}」）。ファイルが 1 バイトでも改変されたか、ここで発行されたものではない可能性があります。",
    ar: "لا يوجد تقرير صادر عن هذه البوابة بقيمة SHA-256 هذه (الملف «{fileName}»). ربما عُدّل الملف، ولو ببايت واحد، أو لم يصدر من هنا.",
  },
  "reports.verify.authentic": {
    en: "Authentic: issued by this portal and unaltered",
    de: "Echt: von diesem Portal ausgestellt und unverändert",
    ja: "真正：このポータルが発行し、改変されていません",
    ar: "أصلي: صادر عن هذه البوابة ولم يُعدَّل",
  },
  "reports.verify.report": { en: "Report", de: "Bericht", ja: "レポート", ar: "التقرير" },
  "reports.verify.agreement": { en: "Agreement", de: "Vereinbarung", ja: "契約", ar: "الاتفاقية" },
  "reports.verify.supplier": { en: "Supplier", de: "Lieferant", ja: "サプライヤー", ar: "المورد" },
  "reports.verify.title": { en: "Title", de: "Titel", ja: "タイトル", ar: "العنوان" },
  "reports.verify.generatedBy": {
    en: "{at} by {name}",
    de: "{at} von {name}",
    ja: "{at}（作成者：{name}）",
    ar: "{at} بواسطة {name}",
  },
  "reports.verify.newer": {
    en: "A newer version exists: v{version}, generated {at}. This copy is authentic but out of date; ask the sender for the latest one.",
    de: "Es gibt eine neuere Version: v{version}, erstellt {at}. Diese Kopie ist echt, aber veraltet; bitten Sie den Absender um die neueste.",
    ja: "新しいバージョンがあります：v{version}（{at} 作成）。このコピーは真正ですが最新ではありません。送信者に最新版を依頼してください。",
    ar: "يوجد إصدار أحدث: v{version}، أُنشئ في {at}. هذه النسخة أصلية لكنها قديمة؛ اطلب من المرسل أحدث نسخة.",
  },
  "reports.verify.latest": {
    en: "This is the latest version of this report.",
    de: "Dies ist die neueste Version dieses Berichts.",
    ja: "これはこのレポートの最新バージョンです。",
    ar: "هذا هو أحدث إصدار من هذا التقرير.",
  },
  "reports.verify.brand": {
    en: "Report verification",
    de: "Berichtsprüfung",
    ja: "レポートの検証",
    ar: "التحقق من التقارير",
  },
  "reports.verify.heading": {
    en: "Is this report authentic?",
    de: "Ist dieser Bericht echt?",
    ja: "このレポートは真正ですか？",
    ar: "هل هذا التقرير أصلي؟",
  },
  "reports.verify.intro": {
    en: "Every PDF report the portal issues is stored with its SHA-256 fingerprint. Upload your copy, or paste its SHA-256, to learn whether it is authentic and unaltered, which report and version it is, and whether a newer version exists. The file is only hashed, never kept.",
    de: "Jeder PDF-Bericht, den das Portal ausstellt, wird mit seinem SHA-256-Fingerabdruck gespeichert. Laden Sie Ihre Kopie hoch oder fügen Sie ihren SHA-256 ein, um zu erfahren, ob sie echt und unverändert ist, um welchen Bericht und welche Version es sich handelt und ob es eine neuere Version gibt. Die Datei wird nur gehasht, nie gespeichert.",
    ja: "ポータルが発行するすべての PDF レポートは、SHA-256 フィンガープリントとともに保管されています。お手元のコピーをアップロードするか SHA-256 を貼り付けると、真正で改変されていないか、どのレポートのどのバージョンか、新しいバージョンがあるかを確認できます。ファイルはハッシュ計算にのみ使用され、保存されることはありません。",
    ar: "يُخزَّن كل تقرير PDF تصدره البوابة مع بصمة SHA-256 الخاصة به. ارفع نسختك، أو الصق قيمة SHA-256 الخاصة بها، لمعرفة ما إذا كانت أصلية ولم تُعدَّل، وأي تقرير وإصدار هي، وما إذا كان هناك إصدار أحدث. يُحسب للملف قيمة التجزئة فقط ولا يُحتفظ به أبدًا.",
  },
  "reports.verify.fileLabel": {
    en: "The PDF report",
    de: "Der PDF-Bericht",
    ja: "PDF レポート",
    ar: "تقرير PDF",
  },
  "reports.verify.checkingFile": {
    en: "Checking the file…",
    de: "Datei wird geprüft…",
    ja: "ファイルを確認中…",
    ar: "جارٍ التحقق من الملف…",
  },
  "reports.verify.checkFile": {
    en: "Check the file",
    de: "Datei prüfen",
    ja: "ファイルを確認",
    ar: "تحقق من الملف",
  },
  "reports.verify.hashLabel": {
    en: "…or its SHA-256",
    de: "…oder ihren SHA-256",
    ja: "…または SHA-256",
    ar: "…أو قيمة SHA-256 الخاصة به",
  },
  "reports.verify.hashPlaceholder": {
    en: "64 hexadecimal characters",
    de: "64 Hexadezimalzeichen",
    ja: "16 進数 64 文字",
    ar: "64 حرفًا ست عشريًا",
  },
  "reports.verify.checking": { en: "Checking…", de: "Wird geprüft…", ja: "確認中…", ar: "جارٍ التحقق…" },
  "reports.verify.checkHash": {
    en: "Check the fingerprint",
    de: "Fingerabdruck prüfen",
    ja: "フィンガープリントを確認",
    ar: "تحقق من البصمة",
  },
} satisfies Messages;

import type { Messages } from "./entry";

/**
 * Messages of the profile namespace; every key starts with "profile.".
 * The supplier's security profile (issue 22): the answers it keeps per
 * question, its edit page with history, and the read-only view shared with
 * other pages.
 */
export const profile = {
  "profile.nav": { en: "Security profile", de: "Sicherheitsprofil", ja: "セキュリティプロファイル", ar: "ملف الأمان" },
  "profile.title": {
    en: "Security profile",
    de: "Sicherheitsprofil",
    ja: "セキュリティプロファイル",
    ar: "ملف الأمان",
  },
  "profile.intro": {
    en: "Your organisation's current answer to every question it has answered, kept from each questionnaire you submit. Edit an answer that has changed, or confirm one that is still true.",
    de: "Die aktuelle Antwort Ihrer Organisation auf jede Frage, die sie beantwortet hat, übernommen aus jedem eingereichten Fragebogen. Bearbeiten Sie eine Antwort, die sich geändert hat, oder bestätigen Sie eine, die weiterhin zutrifft.",
    ja: "組織がこれまでに回答したすべての質問に対する現在の回答です。提出した質問票ごとに保存されます。変わった回答は編集し、今も正しい回答は確認してください。",
    ar: "الإجابة الحالية لمؤسستك عن كل سؤال أجابت عنه، محفوظة من كل استبيان تقدّمه. عدّل الإجابة التي تغيّرت، أو أكّد الإجابة التي ما زالت صحيحة.",
  },
  "profile.empty": {
    en: "Your profile has no answers yet. Answers arrive here when your organisation submits a questionnaire; from then on, each new questionnaire can start from them.",
    de: "Ihr Profil enthält noch keine Antworten. Antworten erscheinen hier, sobald Ihre Organisation einen Fragebogen einreicht; danach kann jeder neue Fragebogen mit ihnen beginnen.",
    ja: "プロファイルにはまだ回答がありません。組織が質問票を提出すると、回答がここに保存されます。以降の新しい質問票はこれらの回答から始められます。",
    ar: "لا يحتوي ملفك على إجابات بعد. تصل الإجابات إلى هنا عندما تقدّم مؤسستك استبيانًا؛ ومن ثم يمكن أن يبدأ كل استبيان جديد منها.",
  },
  "profile.section.organisation": { en: "Organisation", de: "Organisation", ja: "組織", ar: "المؤسسة" },
  "profile.sectionCount": {
    en: "{count, plural, one {# answer} other {# answers}}",
    de: "{count, plural, one {# Antwort} other {# Antworten}}",
    ja: "{count, plural, other {#件の回答}}",
    ar: "{count, plural, zero {لا إجابات} one {إجابة واحدة} two {إجابتان} few {# إجابات} many {# إجابة} other {# إجابة}}",
  },
  "profile.sections": {
    en: "Sections of the profile",
    de: "Abschnitte des Profils",
    ja: "プロファイルのセクション",
    ar: "أقسام الملف",
  },
  "profile.confirmedOn": {
    en: "Last confirmed {date}",
    de: "Zuletzt bestätigt am {date}",
    ja: "最終確認日 {date}",
    ar: "آخر تأكيد في {date}",
  },
  "profile.evidence": { en: "Evidence", de: "Nachweise", ja: "証跡", ar: "الأدلة" },
  "profile.source.submission": {
    en: "From the questionnaire of {agreement} for {customer}",
    de: "Aus dem Fragebogen zu {agreement} für {customer}",
    ja: "{customer}向け{agreement}の質問票から",
    ar: "من استبيان {agreement} لصالح {customer}",
  },
  "profile.source.submissionGone": {
    en: "From a submitted questionnaire",
    de: "Aus einem eingereichten Fragebogen",
    ja: "提出済みの質問票から",
    ar: "من استبيان مقدَّم",
  },
  "profile.source.profile": {
    en: "Edited on the profile",
    de: "Im Profil bearbeitet",
    ja: "プロファイルで編集",
    ar: "عُدّلت في الملف",
  },
  "profile.source.workbook": {
    en: "From a workbook",
    de: "Aus einer Arbeitsmappe",
    ja: "ワークブックから",
    ar: "من مصنف",
  },
  "profile.edit": { en: "Edit", de: "Bearbeiten", ja: "編集", ar: "تعديل" },
  "profile.confirm": {
    en: "Confirm as still true",
    de: "Als weiterhin zutreffend bestätigen",
    ja: "今も正しいと確認",
    ar: "تأكيد أنها ما زالت صحيحة",
  },
  "profile.flash.confirmed": {
    en: "Answer confirmed as still true today.",
    de: "Antwort heute als weiterhin zutreffend bestätigt.",
    ja: "回答が今も正しいことを本日確認しました。",
    ar: "تم اليوم تأكيد أن الإجابة ما زالت صحيحة.",
  },
  "profile.flash.saved": {
    en: "Answer saved.",
    de: "Antwort gespeichert.",
    ja: "回答を保存しました。",
    ar: "تم حفظ الإجابة.",
  },
  "profile.unknownAction": {
    en: "Unknown action",
    de: "Unbekannte Aktion",
    ja: "不明な操作です",
    ar: "إجراء غير معروف",
  },
  "profile.stale": {
    en: "This answer was changed by {name} on {date} while you were looking at it. Its current value is shown; nothing was overwritten. Check it and try again.",
    de: "Diese Antwort wurde von {name} am {date} geändert, während Sie sie angesehen haben. Der aktuelle Wert wird angezeigt; nichts wurde überschrieben. Prüfen Sie ihn und versuchen Sie es erneut.",
    ja: "表示中に、この回答は{name}によって{date}に変更されました。現在の値を表示しています。何も上書きされていません。確認してからもう一度お試しください。",
    ar: "غيّر {name} هذه الإجابة في {date} أثناء اطلاعك عليها. تظهر قيمتها الحالية؛ ولم يُستبدل شيء. تحقّق منها وحاول مرة أخرى.",
  },

  // certificates
  "profile.certs.heading": { en: "Certificates", de: "Zertifikate", ja: "認証書", ar: "الشهادات" },
  "profile.certs.empty": {
    en: "No certificates on file.",
    de: "Keine Zertifikate hinterlegt.",
    ja: "登録された認証書はありません。",
    ar: "لا توجد شهادات مسجلة.",
  },
  "profile.certs.manage": {
    en: "Manage certificates",
    de: "Zertifikate verwalten",
    ja: "認証書を管理",
    ar: "إدارة الشهادات",
  },
  "profile.certs.line": {
    en: "{standard}, certificate {number}",
    de: "{standard}, Zertifikat {number}",
    ja: "{standard}、認証書番号 {number}",
    ar: "{standard}، الشهادة رقم {number}",
  },
  "profile.certs.expires": {
    en: "valid until {date}",
    de: "gültig bis {date}",
    ja: "{date}まで有効",
    ar: "صالحة حتى {date}",
  },
  "profile.certs.expired": {
    en: "expired {date}",
    de: "abgelaufen am {date}",
    ja: "{date}に失効",
    ar: "انتهت صلاحيتها في {date}",
  },

  // the edit page
  "profile.edit.title": {
    en: "Edit an answer",
    de: "Antwort bearbeiten",
    ja: "回答を編集",
    ar: "تعديل إجابة",
  },
  "profile.edit.back": {
    en: "Back to the profile",
    de: "Zurück zum Profil",
    ja: "プロファイルに戻る",
    ar: "العودة إلى الملف",
  },
  "profile.edit.intro": {
    en: "The question as the questionnaire “{questionnaire}” asks it. What you save becomes your current answer, confirmed today, and is offered in every new questionnaire that asks the same question.",
    de: "Die Frage, wie der Fragebogen „{questionnaire}“ sie stellt. Was Sie speichern, wird Ihre aktuelle Antwort, heute bestätigt, und wird in jedem neuen Fragebogen mit derselben Frage vorgeschlagen.",
    ja: "質問票「{questionnaire}」での質問です。保存した内容が本日確認済みの現在の回答となり、同じ質問を含む新しい質問票で提示されます。",
    ar: "السؤال كما يطرحه الاستبيان «{questionnaire}». ما تحفظه يصبح إجابتك الحالية، مؤكدة اليوم، وتُعرض في كل استبيان جديد يطرح السؤال نفسه.",
  },
  "profile.edit.save": { en: "Save answer", de: "Antwort speichern", ja: "回答を保存", ar: "حفظ الإجابة" },
  "profile.edit.saving": { en: "Saving…", de: "Wird gespeichert…", ja: "保存中…", ar: "جارٍ الحفظ…" },
  "profile.edit.current": {
    en: "Current answer",
    de: "Aktuelle Antwort",
    ja: "現在の回答",
    ar: "الإجابة الحالية",
  },
  "profile.edit.refused": {
    en: "This answer cannot be kept:",
    de: "Diese Antwort kann nicht übernommen werden:",
    ja: "この回答は保存できません:",
    ar: "لا يمكن حفظ هذه الإجابة:",
  },
  "profile.edit.empty": {
    en: "Give an answer before saving; a profile answer cannot be left empty.",
    de: "Geben Sie vor dem Speichern eine Antwort ein; eine Profilantwort darf nicht leer sein.",
    ja: "保存する前に回答を入力してください。プロファイルの回答は空にできません。",
    ar: "قدّم إجابة قبل الحفظ؛ لا يمكن ترك إجابة الملف فارغة.",
  },
  "profile.edit.badValue": {
    en: "The answer could not be read. Please enter it again.",
    de: "Die Antwort konnte nicht gelesen werden. Bitte geben Sie sie erneut ein.",
    ja: "回答を読み取れませんでした。もう一度入力してください。",
    ar: "تعذّرت قراءة الإجابة. يُرجى إدخالها مرة أخرى.",
  },
  "profile.edit.questionGone": {
    en: "The questionnaire this answer came from is no longer available, so it cannot be edited here.",
    de: "Der Fragebogen, aus dem diese Antwort stammt, ist nicht mehr verfügbar; sie kann hier nicht bearbeitet werden.",
    ja: "この回答の元の質問票が利用できなくなったため、ここでは編集できません。",
    ar: "لم يعد الاستبيان الذي جاءت منه هذه الإجابة متاحًا، لذا لا يمكن تعديلها هنا.",
  },
  "profile.edit.uploadElsewhere": {
    en: "Files cannot be uploaded here. Upload them in a questionnaire; you can keep or remove the files already given.",
    de: "Dateien können hier nicht hochgeladen werden. Laden Sie sie in einem Fragebogen hoch; vorhandene Dateien können Sie behalten oder entfernen.",
    ja: "ここではファイルをアップロードできません。質問票でアップロードしてください。既存のファイルは保持または削除できます。",
    ar: "لا يمكن رفع الملفات هنا. ارفعها في استبيان؛ ويمكنك الإبقاء على الملفات المقدَّمة أو إزالتها.",
  },

  // history
  "profile.history.heading": { en: "History", de: "Verlauf", ja: "履歴", ar: "السجل" },
  "profile.history.when": { en: "When and where from", de: "Wann und woher", ja: "日時と出所", ar: "متى ومن أين" },
  "profile.history.answer": { en: "Answer", de: "Antwort", ja: "回答", ar: "الإجابة" },
  "profile.history.changed": { en: "Changed", de: "Geändert", ja: "変更", ar: "تغيير" },
  "profile.history.confirmed": { en: "Confirmed", de: "Bestätigt", ja: "確認", ar: "تأكيد" },
  "profile.history.by": {
    en: "{when} by {name}",
    de: "{when} von {name}",
    ja: "{when}、{name}",
    ar: "{when} بواسطة {name}",
  },
  "profile.history.someone": {
    en: "someone no longer known",
    de: "einer nicht mehr bekannten Person",
    ja: "不明なユーザー",
    ar: "شخص لم يعد معروفًا",
  },
} satisfies Messages;

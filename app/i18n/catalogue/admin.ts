import type { Messages } from "./entry";

/** A role's name inside a sentence ("its users are procurement users"), in each language's case. */
const ROLE_IN_SENTENCE = {
  en: "{role, select, supplier {supplier} procurement {procurement} discloser {disclosing party} admin {administrator} other {{role}}}",
  de: "{role, select, supplier {Lieferant} procurement {Einkauf} discloser {offenlegende Partei} admin {Administrator} other {{role}}}",
  ja: "{role, select, supplier {サプライヤー} procurement {調達担当} discloser {開示当事者} admin {管理者} other {{role}}}",
  ar: "{role, select, supplier {مورد} procurement {مشتريات} discloser {طرف مُفصِح} admin {مسؤول} other {{role}}}",
};

/** Messages of the admin namespace; every key starts with "admin.". */
export const admin = {
  // the overview
  "admin.index.title": { en: "Administration", de: "Administration", ja: "管理", ar: "الإدارة" },

  // shared words of the administration pages
  "admin.none": { en: "none", de: "keine", ja: "なし", ar: "لا يوجد" },
  "admin.state.active": { en: "active", de: "aktiv", ja: "有効", ar: "نشطة" },
  "admin.state.deactivated": { en: "deactivated", de: "deaktiviert", ja: "無効", ar: "معطّلة" },
  "admin.column.name": { en: "Name", de: "Name", ja: "名前", ar: "الاسم" },
  "admin.column.kind": { en: "Kind", de: "Art", ja: "種別", ar: "النوع" },
  "admin.column.country": { en: "Country", de: "Land", ja: "国", ar: "الدولة" },
  "admin.column.registrationNumber": {
    en: "Registration number",
    de: "Registernummer",
    ja: "登録番号",
    ar: "رقم التسجيل",
  },
  "admin.column.group": { en: "Group", de: "Gruppe", ja: "グループ", ar: "المجموعة" },
  "admin.column.users": { en: "Users", de: "Benutzer", ja: "ユーザー", ar: "المستخدمون" },
  "admin.column.state": { en: "State", de: "Status", ja: "状態", ar: "الحالة" },
  "admin.column.email": { en: "E-mail", de: "E-Mail", ja: "メールアドレス", ar: "البريد الإلكتروني" },
  "admin.column.role": { en: "Role", de: "Rolle", ja: "ロール", ar: "الدور" },
  "admin.column.organisation": { en: "Organisation", de: "Organisation", ja: "組織", ar: "المؤسسة" },
  "admin.column.teamRole": { en: "Team role", de: "Teamrolle", ja: "チーム内ロール", ar: "الدور في الفريق" },
  "admin.column.lastSignIn": { en: "Last sign-in", de: "Letzte Anmeldung", ja: "最終サインイン", ar: "آخر تسجيل دخول" },
  "admin.column.actions": { en: "Actions", de: "Aktionen", ja: "操作", ar: "الإجراءات" },
  "admin.column.when": { en: "When", de: "Zeitpunkt", ja: "日時", ar: "الوقت" },
  "admin.column.to": { en: "To", de: "An", ja: "宛先", ar: "إلى" },
  "admin.column.message": { en: "Message", de: "Nachricht", ja: "メッセージ", ar: "الرسالة" },
  "admin.column.status": { en: "Status", de: "Status", ja: "ステータス", ar: "الحالة" },

  // the list of organisations
  "admin.orgs.created": {
    en: "Organisation created.",
    de: "Organisation angelegt.",
    ja: "組織を作成しました。",
    ar: "تم إنشاء المؤسسة.",
  },
  "admin.orgs.new": { en: "New organisation", de: "Neue Organisation", ja: "新しい組織", ar: "مؤسسة جديدة" },
  "admin.orgs.allKinds": { en: "All kinds", de: "Alle Arten", ja: "すべての種別", ar: "جميع الأنواع" },
  "admin.orgs.show": { en: "Show", de: "Anzeigen", ja: "表示", ar: "عرض" },
  "admin.orgs.truncated": {
    en: "Only the first {max, number} organisations are listed: filter by kind.",
    de: "Nur die ersten {max, number} Organisationen werden angezeigt: Filtern Sie nach Art.",
    ja: "最初の {max, number} 件の組織のみ表示しています。種別で絞り込んでください。",
    ar: "تُعرض أول {max, number} مؤسسة فقط: صفِّ القائمة حسب النوع.",
  },
  "admin.orgs.emptyKind": {
    en: "No organisations of this kind.",
    de: "Keine Organisationen dieser Art.",
    ja: "この種別の組織はありません。",
    ar: "لا توجد مؤسسات من هذا النوع.",
  },
  "admin.orgs.empty": {
    en: "No organisations yet.",
    de: "Noch keine Organisationen.",
    ja: "組織はまだありません。",
    ar: "لا توجد مؤسسات بعد.",
  },
  "admin.orgs.back": {
    en: "← Organisations",
    de: "← Organisationen",
    ja: "← 組織",
    ar: "→ المؤسسات",
  },

  // a new organisation
  "admin.orgNew.intro": {
    en: "The kind gives every user of the organisation their role (a recipient's users are procurement) and cannot be changed later. Invite its people from the organisation's page once it exists.",
    de: "Die Art bestimmt die Rolle aller Benutzer der Organisation (die Benutzer eines Empfängers sind Einkauf) und kann später nicht geändert werden. Laden Sie ihre Mitarbeitenden auf der Seite der Organisation ein, sobald sie angelegt ist.",
    ja: "種別によって組織の全ユーザーのロールが決まり（受領者のユーザーは調達担当になります）、後から変更することはできません。組織の作成後、その組織のページからメンバーを招待してください。",
    ar: "يحدد النوع دور كل مستخدم في المؤسسة (مستخدمو الجهة المتلقية هم فريق المشتريات) ولا يمكن تغييره لاحقًا. ادعُ أفرادها من صفحة المؤسسة بعد إنشائها.",
  },
  "admin.orgNew.submit": {
    en: "Create organisation",
    de: "Organisation anlegen",
    ja: "組織を作成",
    ar: "إنشاء المؤسسة",
  },
  "admin.orgNew.busy": { en: "Creating…", de: "Wird angelegt…", ja: "作成中…", ar: "جارٍ الإنشاء…" },

  // an organisation's page
  "admin.org.fallbackTitle": { en: "Organisation", de: "Organisation", ja: "組織", ar: "المؤسسة" },
  "admin.org.done.created": {
    en: "Organisation created. Invite its people below.",
    de: "Organisation angelegt. Laden Sie unten ihre Mitarbeitenden ein.",
    ja: "組織を作成しました。下からメンバーを招待してください。",
    ar: "تم إنشاء المؤسسة. ادعُ أفرادها أدناه.",
  },
  "admin.org.done.updated": {
    en: "Organisation saved.",
    de: "Organisation gespeichert.",
    ja: "組織を保存しました。",
    ar: "تم حفظ المؤسسة.",
  },
  "admin.org.done.unchanged": {
    en: "Nothing was changed.",
    de: "Es wurde nichts geändert.",
    ja: "変更はありませんでした。",
    ar: "لم يتم تغيير أي شيء.",
  },
  "admin.org.done.deactivated": {
    en: "Organisation deactivated: its users were signed out and cannot sign in.",
    de: "Organisation deaktiviert: Ihre Benutzer wurden abgemeldet und können sich nicht anmelden.",
    ja: "組織を無効にしました。ユーザーはサインアウトされ、サインインできません。",
    ar: "تم تعطيل المؤسسة: تم تسجيل خروج مستخدميها ولا يمكنهم تسجيل الدخول.",
  },
  "admin.org.done.reactivated": {
    en: "Organisation reactivated: its active users can sign in again.",
    de: "Organisation reaktiviert: Ihre aktiven Benutzer können sich wieder anmelden.",
    ja: "組織を再び有効にしました。有効なユーザーは再びサインインできます。",
    ar: "تمت إعادة تفعيل المؤسسة: يمكن لمستخدميها النشطين تسجيل الدخول مجددًا.",
  },
  "admin.org.summary": {
    en: `{kind} in {country}: its users are ${ROLE_IN_SENTENCE.en} users.`,
    de: `{kind} in {country}: Ihre Benutzer haben die Rolle „${ROLE_IN_SENTENCE.de}“.`,
    ja: `{country}の{kind}です。この組織のユーザーのロールは「${ROLE_IN_SENTENCE.ja}」です。`,
    ar: `{kind} في {country}: دور مستخدميها «${ROLE_IN_SENTENCE.ar}».`,
  },
  "admin.org.partOf": {
    en: "Part of the <link>{name}</link> group.",
    de: "Teil der Gruppe <link>{name}</link>.",
    ja: "<link>{name}</link> グループに属しています。",
    ar: "جزء من مجموعة <link>{name}</link>.",
  },
  "admin.org.details": { en: "Details", de: "Angaben", ja: "詳細", ar: "التفاصيل" },
  "admin.org.save": { en: "Save", de: "Speichern", ja: "保存", ar: "حفظ" },
  "admin.org.saving": { en: "Saving…", de: "Wird gespeichert…", ja: "保存中…", ar: "جارٍ الحفظ…" },
  "admin.org.inviteHint": {
    en: `The person gets an e-mail with a link to set their password (valid for 7 days, once). Their role is ${ROLE_IN_SENTENCE.en}, given by the organisation's kind.`,
    de: `Die Person erhält eine E-Mail mit einem Link zum Festlegen ihres Passworts (7 Tage gültig, einmal verwendbar). Ihre Rolle ist „${ROLE_IN_SENTENCE.de}“, bestimmt durch die Art der Organisation.`,
    ja: `招待された方には、パスワードを設定するためのリンク（7 日間有効、1 回限り）をメールでお送りします。ロールは組織の種別により「${ROLE_IN_SENTENCE.ja}」となります。`,
    ar: `يتلقى الشخص رسالة بريد إلكتروني تتضمن رابطًا لتعيين كلمة المرور (صالح لمدة 7 أيام ولمرة واحدة). دوره «${ROLE_IN_SENTENCE.ar}»، ويحدده نوع المؤسسة.`,
  },
  "admin.org.deactivateTitle": {
    en: "Deactivate the organisation",
    de: "Organisation deaktivieren",
    ja: "組織を無効にする",
    ar: "تعطيل المؤسسة",
  },
  "admin.org.reactivateTitle": {
    en: "Reactivate the organisation",
    de: "Organisation reaktivieren",
    ja: "組織を再び有効にする",
    ar: "إعادة تفعيل المؤسسة",
  },
  "admin.org.deactivateText": {
    en: "Its users are signed out at once and cannot sign in until it is reactivated. Its agreements, assessments and audit trail stay.",
    de: "Ihre Benutzer werden sofort abgemeldet und können sich erst nach der Reaktivierung wieder anmelden. Ihre Vereinbarungen, Bewertungen und ihr Prüfpfad bleiben erhalten.",
    ja: "ユーザーは直ちにサインアウトされ、再び有効にされるまでサインインできません。契約、評価、監査証跡はそのまま残ります。",
    ar: "يتم تسجيل خروج مستخدميها فورًا ولا يمكنهم تسجيل الدخول حتى تتم إعادة تفعيلها. تبقى اتفاقياتها وتقييماتها وسجل التدقيق الخاص بها.",
  },
  "admin.org.deactivate": {
    en: "Deactivate {name}",
    de: "{name} deaktivieren",
    ja: "{name} を無効にする",
    ar: "تعطيل {name}",
  },
  "admin.org.deactivating": { en: "Deactivating…", de: "Wird deaktiviert…", ja: "無効化中…", ar: "جارٍ التعطيل…" },
  "admin.org.deactivatedText": {
    en: "Deactivated {at}. Reactivating lets its active users sign in again.",
    de: "Deaktiviert {at}. Nach der Reaktivierung können sich ihre aktiven Benutzer wieder anmelden.",
    ja: "{at} に無効化されました。再び有効にすると、有効なユーザーは再びサインインできます。",
    ar: "عُطّلت في {at}. تتيح إعادة التفعيل لمستخدميها النشطين تسجيل الدخول مجددًا.",
  },
  "admin.org.reactivate": {
    en: "Reactivate {name}",
    de: "{name} reaktivieren",
    ja: "{name} を再び有効にする",
    ar: "إعادة تفعيل {name}",
  },
  "admin.org.reactivating": {
    en: "Reactivating…",
    de: "Wird reaktiviert…",
    ja: "再有効化中…",
    ar: "جارٍ إعادة التفعيل…",
  },

  // the organisation form
  "admin.form.existing": {
    en: "Existing organisation:",
    de: "Bestehende Organisation:",
    ja: "既存の組織：",
    ar: "مؤسسة موجودة:",
  },
  "admin.form.pickOne": { en: "Pick one…", de: "Bitte wählen…", ja: "選択してください…", ar: "اختر واحدًا…" },
  "admin.form.kindFixed": { en: "Kind:", de: "Art:", ja: "種別：", ar: "النوع:" },
  "admin.form.kindFixedNote": {
    en: "(fixed once the organisation exists)",
    de: "(nach dem Anlegen der Organisation unveränderlich)",
    ja: "（組織の作成後は変更できません）",
    ar: "(ثابت بعد إنشاء المؤسسة)",
  },
  "admin.form.legalName": {
    en: "Legal name (optional)",
    de: "Rechtlicher Name (optional)",
    ja: "正式名称（任意）",
    ar: "الاسم القانوني (اختياري)",
  },
  "admin.form.legalNameHint": {
    en: "The registered name, when it differs from the name in use.",
    de: "Der eingetragene Name, falls er vom gebräuchlichen Namen abweicht.",
    ja: "通称と異なる場合の登記上の名称です。",
    ar: "الاسم المسجل، إذا كان يختلف عن الاسم المستخدم.",
  },
  "admin.form.pickCountry": {
    en: "Pick a country…",
    de: "Land wählen…",
    ja: "国を選択してください…",
    ar: "اختر دولة…",
  },
  "admin.form.registrationNumber": {
    en: "Registration number (optional)",
    de: "Registernummer (optional)",
    ja: "登録番号（任意）",
    ar: "رقم التسجيل (اختياري)",
  },
  "admin.form.parent": {
    en: "Parent group (optional)",
    de: "Übergeordnete Gruppe (optional)",
    ja: "親グループ（任意）",
    ar: "المجموعة الأم (اختياري)",
  },
  "admin.form.parentNone": { en: "None", de: "Keine", ja: "なし", ar: "لا شيء" },

  // what the organisation forms refuse
  "admin.org.pickOrganisation": {
    en: "Pick an organisation from the list",
    de: "Wählen Sie eine Organisation aus der Liste",
    ja: "リストから組織を選択してください",
    ar: "اختر مؤسسة من القائمة",
  },
  "admin.org.enterName": {
    en: "Enter the organisation's name",
    de: "Geben Sie den Namen der Organisation ein",
    ja: "組織名を入力してください",
    ar: "أدخل اسم المؤسسة",
  },
  "admin.org.tooLong": {
    en: "At most {maximum} characters",
    de: "Höchstens {maximum} Zeichen",
    ja: "{maximum} 文字以内で入力してください",
    ar: "{maximum} حرفًا على الأكثر",
  },
  "admin.org.pickCountry": {
    en: "Pick a country from the list",
    de: "Wählen Sie ein Land aus der Liste",
    ja: "リストから国を選択してください",
    ar: "اختر دولة من القائمة",
  },
  "admin.org.pickKind": {
    en: "Pick what kind of organisation this is",
    de: "Wählen Sie die Art der Organisation",
    ja: "組織の種別を選択してください",
    ar: "اختر نوع هذه المؤسسة",
  },
  "admin.org.duplicate": {
    en: "{name} ({kind}, {country}) {matchedOn, select, registration {has the same registration number in the same country} other {has the same name}}: use that organisation instead.",
    de: "{name} ({kind}, {country}) {matchedOn, select, registration {hat dieselbe Registernummer im selben Land} other {hat denselben Namen}}: Verwenden Sie stattdessen diese Organisation.",
    ja: "{name}（{kind}、{country}）は{matchedOn, select, registration {同じ国で同じ登録番号を持っています} other {同じ名前です}}。代わりにその組織を使用してください。",
    ar: "{name} ({kind}، {country}) {matchedOn, select, registration {لها رقم التسجيل نفسه في الدولة نفسها} other {لها الاسم نفسه}}: استخدم تلك المؤسسة بدلًا من ذلك.",
  },
  "admin.org.ownGroup": {
    en: "An organisation cannot be its own group.",
    de: "Eine Organisation kann nicht ihre eigene Gruppe sein.",
    ja: "組織を自身のグループにすることはできません。",
    ar: "لا يمكن أن تكون المؤسسة مجموعةً لنفسها.",
  },
  "admin.org.notFound": {
    en: "That organisation does not exist.",
    de: "Diese Organisation existiert nicht.",
    ja: "その組織は存在しません。",
    ar: "هذه المؤسسة غير موجودة.",
  },
  "admin.org.inGroup": {
    en: "That organisation belongs to this one's group: pick another.",
    de: "Diese Organisation gehört zur Gruppe dieser Organisation: Wählen Sie eine andere.",
    ja: "その組織はこの組織のグループに属しています。別の組織を選択してください。",
    ar: "تنتمي تلك المؤسسة إلى مجموعة هذه المؤسسة: اختر مؤسسة أخرى.",
  },
  "admin.org.operatorExists": {
    en: "The portal has its operator organisation already.",
    de: "Das Portal hat bereits eine Betreiberorganisation.",
    ja: "ポータルにはすでに運営組織があります。",
    ar: "لدى البوابة مؤسسة مشغّلة بالفعل.",
  },
  "admin.org.alreadyDeactivated": {
    en: "{name} is deactivated already.",
    de: "{name} ist bereits deaktiviert.",
    ja: "{name} はすでに無効です。",
    ar: "{name} معطّلة بالفعل.",
  },
  "admin.org.alreadyActive": {
    en: "{name} is active already.",
    de: "{name} ist bereits aktiv.",
    ja: "{name} はすでに有効です。",
    ar: "{name} نشطة بالفعل.",
  },
  "admin.org.ownOrganisation": {
    en: "You cannot deactivate your own organisation.",
    de: "Sie können Ihre eigene Organisation nicht deaktivieren.",
    ja: "自分の組織を無効にすることはできません。",
    ar: "لا يمكنك تعطيل مؤسستك.",
  },
  "admin.org.lastAdmins": {
    en: "{name} holds the portal's last active administrators: it cannot be deactivated.",
    de: "{name} umfasst die letzten aktiven Administratoren des Portals: Sie kann nicht deaktiviert werden.",
    ja: "{name} にはポータルの最後の有効な管理者が所属しているため、無効にできません。",
    ar: "تضم {name} آخر المسؤولين النشطين في البوابة: لا يمكن تعطيلها.",
  },

  // users
  "admin.users.intro": {
    en: "Everyone with an account. A user's role follows from their organisation; invite people and change team roles on the <link>organisation's page</link>.",
    de: "Alle Personen mit einem Konto. Die Rolle eines Benutzers ergibt sich aus seiner Organisation; Einladungen und Änderungen der Teamrollen erfolgen auf der <link>Seite der Organisation</link>.",
    ja: "アカウントを持つすべての人です。ユーザーのロールは所属組織によって決まります。招待やチーム内ロールの変更は<link>組織のページ</link>で行ってください。",
    ar: "كل من لديه حساب. يتحدد دور المستخدم بحسب مؤسسته؛ ادعُ الأشخاص وغيّر أدوار الفريق من <link>صفحة المؤسسة</link>.",
  },
  "admin.users.unknownAction": {
    en: "Unknown action.",
    de: "Unbekannte Aktion.",
    ja: "不明な操作です。",
    ar: "إجراء غير معروف.",
  },
  "admin.users.empty": {
    en: "No users yet.",
    de: "Noch keine Benutzer.",
    ja: "ユーザーはまだいません。",
    ar: "لا يوجد مستخدمون بعد.",
  },
  "admin.users.deactivated": {
    en: "(deactivated)",
    de: "(deaktiviert)",
    ja: "（無効）",
    ar: "(معطّلة)",
  },
  "admin.users.you": { en: "you", de: "Sie", ja: "あなた", ar: "أنت" },

  // the outbox
  "admin.outbox.smtp": {
    en: "Every message the portal sends, as sent through SMTP_URL.",
    de: "Jede Nachricht, die das Portal versendet, wie über SMTP_URL gesendet.",
    ja: "ポータルが SMTP_URL 経由で送信したすべてのメッセージです。",
    ar: "كل رسالة ترسلها البوابة، كما أُرسلت عبر SMTP_URL.",
  },
  "admin.outbox.noSmtp": {
    en: "SMTP_URL is not set, so messages are not sent: they are kept here (and in the server log) for you to pass on.",
    de: "SMTP_URL ist nicht gesetzt, daher werden keine Nachrichten versendet: Sie werden hier (und im Serverprotokoll) aufbewahrt, damit Sie sie weitergeben können.",
    ja: "SMTP_URL が設定されていないため、メッセージは送信されません。転送できるよう、ここ（およびサーバーログ）に保管されます。",
    ar: "لم يتم تعيين SMTP_URL، لذلك لا تُرسل الرسائل: بل تُحفظ هنا (وفي سجل الخادم) لتقوم بتمريرها.",
  },
  "admin.outbox.empty": {
    en: "No messages yet.",
    de: "Noch keine Nachrichten.",
    ja: "メッセージはまだありません。",
    ar: "لا توجد رسائل بعد.",
  },
  "admin.outbox.status": {
    en: "{status, select, sent {sent} logged {logged} queued {queued} failed {failed} other {{status}}}",
    de: "{status, select, sent {gesendet} logged {protokolliert} queued {in Warteschlange} failed {fehlgeschlagen} other {{status}}}",
    ja: "{status, select, sent {送信済み} logged {記録済み} queued {送信待ち} failed {失敗} other {{status}}}",
    ar: "{status, select, sent {أُرسلت} logged {سُجّلت} queued {في قائمة الانتظار} failed {فشلت} other {{status}}}",
  },
  "admin.outbox.older": {
    en: "Older messages",
    de: "Ältere Nachrichten",
    ja: "以前のメッセージ",
    ar: "رسائل أقدم",
  },

  // the audit trail
  "admin.audit.verification": { en: "Verification", de: "Prüfung", ja: "検証", ar: "التحقق" },
  "admin.audit.intact": { en: "Intact", de: "Intakt", ja: "完全", ar: "سليم" },
  "admin.audit.intactText": {
    en: "{count, plural, one {# entry} other {# entries}} checked: each follows the one before it and matches its hash (checked {at}).",
    de: "{count, plural, one {# Eintrag} other {# Einträge}} geprüft: Jeder folgt auf den vorherigen und stimmt mit seinem Hash überein (geprüft {at}).",
    ja: "{count, plural, other {# 件のエントリ}}を検証しました。各エントリは直前のエントリに続き、ハッシュも一致しています（検証日時 {at}）。",
    ar: "تم فحص {count, plural, zero {# إدخال} one {إدخال واحد} two {إدخالين} few {# إدخالات} many {# إدخالًا} other {# إدخال}}: كل إدخال يلي الذي قبله ويطابق قيمة التجزئة الخاصة به (تم الفحص في {at}).",
  },
  "admin.audit.broken": { en: "Broken", de: "Beschädigt", ja: "破損", ar: "تالف" },
  "admin.audit.brokenText": {
    en: "The chain of {count, plural, one {# entry} other {# entries}} does not verify: entries were removed or changed after they were written. Restore the trail from a backup and find out who had write access to the database.",
    de: "Die Kette aus {count, plural, one {# Eintrag} other {# Einträgen}} lässt sich nicht bestätigen: Einträge wurden nach dem Schreiben entfernt oder geändert. Stellen Sie den Prüfpfad aus einer Sicherung wieder her und ermitteln Sie, wer Schreibzugriff auf die Datenbank hatte.",
    ja: "{count, plural, other {# 件のエントリ}}のチェーンを検証できません。書き込み後にエントリが削除または変更されています。バックアップから監査証跡を復元し、データベースへの書き込み権限を持っていた人を確認してください。",
    ar: "لا يمكن التحقق من سلسلة {count, plural, zero {# إدخال} one {إدخال واحد} two {إدخالين} few {# إدخالات} many {# إدخالًا} other {# إدخال}}: أُزيلت إدخالات أو غُيّرت بعد كتابتها. استعد السجل من نسخة احتياطية واكتشف من كان لديه صلاحية الكتابة في قاعدة البيانات.",
  },
  "admin.audit.more": {
    en: "…and {count} more.",
    de: "…und {count} weitere.",
    ja: "…ほか {count} 件。",
    ar: "…و{count} أخرى.",
  },
  "admin.audit.shell": {
    en: "The same check from a shell: <code>npm run audit:verify</code>.",
    de: "Dieselbe Prüfung in einer Shell: <code>npm run audit:verify</code>.",
    ja: "シェルから同じ検証を実行するには：<code>npm run audit:verify</code>",
    ar: "الفحص نفسه من سطر الأوامر: <code>npm run audit:verify</code>.",
  },
  "admin.audit.latest": {
    en: "Latest {count, plural, one {# entry} other {# entries}}",
    de: "{count, plural, one {Letzter # Eintrag} other {Letzte # Einträge}}",
    ja: "最新の {count, plural, other {# 件のエントリ}}",
    ar: "{count, plural, zero {آخر # إدخال} one {آخر إدخال} two {آخر إدخالين} few {آخر # إدخالات} many {آخر # إدخالًا} other {آخر # إدخال}}",
  },

  // the audit table (the operator's trail and an agreement's)
  "admin.auditTable.empty": {
    en: "No entries yet.",
    de: "Noch keine Einträge.",
    ja: "エントリはまだありません。",
    ar: "لا توجد إدخالات بعد.",
  },
  "admin.auditTable.what": { en: "What", de: "Was", ja: "内容", ar: "ماذا" },
  "admin.auditTable.who": { en: "Who", de: "Wer", ja: "実行者", ar: "من" },
  "admin.auditTable.details": { en: "Details", de: "Details", ja: "詳細", ar: "التفاصيل" },
  "admin.auditTable.from": { en: "From", de: "Von", ja: "送信元", ar: "من عنوان" },
  "admin.auditTable.system": { en: "system", de: "System", ja: "システム", ar: "النظام" },

  // the audit trail's anchor, e-mailed to whoever keeps it
  "admin.anchorMail.subject": {
    en: "Flowdown audit trail anchor: entry {seq}",
    de: "Flowdown-Prüfpfad-Anker: Eintrag {seq}",
    ja: "Flowdown 監査証跡アンカー：エントリ {seq}",
    ar: "مرساة سجل تدقيق Flowdown: الإدخال {seq}",
  },
  "admin.anchorMail.latest": {
    en: "The audit trail's latest entry on {at} is entry {seq}.",
    de: "Der neueste Eintrag des Prüfpfads am {at} ist Eintrag {seq}.",
    ja: "{at} 時点の監査証跡の最新エントリはエントリ {seq} です。",
    ar: "آخر إدخال في سجل التدقيق بتاريخ {at} هو الإدخال {seq}.",
  },
  "admin.anchorMail.intact": {
    en: "The whole trail checked intact ({count, plural, one {# entry} other {# entries}}).",
    de: "Der gesamte Prüfpfad wurde als intakt bestätigt ({count, plural, one {# Eintrag} other {# Einträge}}).",
    ja: "監査証跡全体が完全であることを確認しました（{count, plural, other {# 件のエントリ}}）。",
    ar: "تم التحقق من سلامة السجل بالكامل ({count, plural, zero {# إدخال} one {إدخال واحد} two {إدخالان} few {# إدخالات} many {# إدخالًا} other {# إدخال}}).",
  },
  "admin.anchorMail.broken": {
    en: "The trail did NOT check intact ({count, plural, one {# problem} other {# problems}}): ask the portal's operator why.",
    de: "Der Prüfpfad ist NICHT intakt ({count, plural, one {# Problem} other {# Probleme}}): Fragen Sie den Betreiber des Portals nach dem Grund.",
    ja: "監査証跡の完全性を確認できませんでした（{count, plural, other {# 件の問題}}）。ポータルの運営者に理由を確認してください。",
    ar: "لم يتم التحقق من سلامة السجل ({count, plural, zero {# مشكلة} one {مشكلة واحدة} two {مشكلتان} few {# مشكلات} many {# مشكلةً} other {# مشكلة}}): اسأل مشغّل البوابة عن السبب.",
  },
  "admin.anchorMail.keep": {
    en: "Keep this anchor. Whoever later runs `npm run audit:verify -- --anchor {placeholder}` finds out whether any\nentry up to this one was removed, altered or cut off since:",
    de: "Bewahren Sie diesen Anker auf. Wer später `npm run audit:verify -- --anchor {placeholder}` ausführt, erfährt, ob seitdem\nein Eintrag bis einschließlich diesem entfernt, verändert oder abgeschnitten wurde:",
    ja: "このアンカーを保管してください。後で `npm run audit:verify -- --anchor {placeholder}` を実行すると、\nこのエントリまでのいずれかのエントリがその後削除、改ざん、または切り捨てられたかどうかを確認できます：",
    ar: "احتفظ بهذه المرساة. من يشغّل لاحقًا `npm run audit:verify -- --anchor {placeholder}` يعرف ما إذا كان أي\nإدخال حتى هذا الإدخال قد أُزيل أو عُدّل أو اقتُطع منذ ذلك الحين:",
  },
} satisfies Messages;

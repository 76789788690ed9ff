"""The inbox's own words in Arabic and English.

A plain dict rather than Flask-Babel catalogues: the inbox is small, its two languages are
fixed, and a dict needs no compile step in CI or packaging. `t(key)` falls back to English,
then to the key itself, so a missing word shows rather than breaking the page.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("ar", "en")
RTL = frozenset({"ar"})

WORDS: dict[str, dict[str, str]] = {
    "app_name": {"ar": "بلاغ — صندوق الموظفين", "en": "Balagh — staff inbox"},
    "sign_in": {"ar": "تسجيل الدخول", "en": "Sign in"},
    "sign_out": {"ar": "تسجيل الخروج", "en": "Sign out"},
    "email": {"ar": "البريد الإلكتروني", "en": "Email"},
    "password": {"ar": "كلمة المرور", "en": "Password"},
    "login_failed": {
        "ar": "تعذّر تسجيل الدخول. تحقّق من البريد وكلمة المرور؛ بعد محاولات فاشلة متكررة يلزم الانتظار قبل المحاولة من جديد.",
        "en": "Sign-in failed. Check your email and password; after repeated failures you must wait before trying again.",
    },
    "login_throttled": {
        "ar": "محاولات فاشلة كثيرة من هذا الجهاز. يُرجى الانتظار {seconds} ثانية ثم المحاولة من جديد.",
        "en": "Too many failed sign-ins from here. Please wait {seconds} seconds, then try again.",
    },
    "signed_out": {"ar": "تم تسجيل الخروج.", "en": "You are signed out."},
    "please_sign_in": {"ar": "سجّل الدخول للمتابعة.", "en": "Please sign in to continue."},
    "queue": {"ar": "قائمتي", "en": "My queue"},
    "all_tickets": {"ar": "كل البلاغات", "en": "All tickets"},
    "assigned_to_me": {"ar": "المسندة إليّ", "en": "Assigned to me"},
    "record_call": {"ar": "تسجيل مكالمة", "en": "Record a call"},
    "stats": {"ar": "الإحصاءات", "en": "Statistics"},
    "search": {"ar": "بحث", "en": "Search"},
    "search_placeholder": {"ar": "رقم البلاغ أو نص", "en": "Reference or text"},
    "filter": {"ar": "تصفية", "en": "Filter"},
    "any": {"ar": "الكل", "en": "Any"},
    "status": {"ar": "الحالة", "en": "Status"},
    "channel": {"ar": "القناة", "en": "Channel"},
    "directorate": {"ar": "المديرية", "en": "Directorate"},
    "category": {"ar": "التصنيف", "en": "Category"},
    "language": {"ar": "اللغة", "en": "Language"},
    "priority": {"ar": "الأولوية", "en": "Priority"},
    "overdue": {"ar": "متأخر", "en": "Overdue"},
    "only_overdue": {"ar": "المتأخرة فقط", "en": "Overdue only"},
    "reference": {"ar": "الرقم", "en": "Reference"},
    "subject": {"ar": "الموضوع", "en": "Subject"},
    "created": {"ar": "أُنشئ", "en": "Created"},
    "due": {"ar": "الاستحقاق", "en": "Due"},
    "assignee": {"ar": "المسؤول", "en": "Assignee"},
    "nobody": {"ar": "لا أحد", "en": "Nobody"},
    "contact": {"ar": "المواطن", "en": "Citizen"},
    "unreachable": {
        "ar": "تعذّر الوصول إلى هذا العنوان: الرسائل إليه لا تصل.",
        "en": "Unreachable: messages to this address do not arrive.",
    },
    "no_tickets": {"ar": "لا توجد بلاغات هنا.", "en": "No tickets here."},
    "page_of": {
        "ar": "صفحة {page} من {pages} ({count})",
        "en": "Page {page} of {pages} ({count})",
    },
    "page_of_more": {
        "ar": "صفحة {page} (أكثر من {count})",
        "en": "Page {page} (more than {count})",
    },
    "previous": {"ar": "السابق", "en": "Previous"},
    "next": {"ar": "التالي", "en": "Next"},
    "conversation": {"ar": "المحادثة", "en": "Conversation"},
    "dir_in": {"ar": "وارد من المواطن", "en": "From the citizen"},
    "dir_out": {"ar": "صادر إلى المواطن", "en": "To the citizen"},
    "dir_note": {"ar": "ملاحظة داخلية", "en": "Internal note"},
    "attachments": {"ar": "المرفقات", "en": "Attachments"},
    "location": {"ar": "الموقع", "en": "Location"},
    "address": {"ar": "العنوان كما وصفه المتصل", "en": "Address as the caller describes it"},
    "latitude": {"ar": "خط العرض", "en": "Latitude"},
    "longitude": {"ar": "خط الطول", "en": "Longitude"},
    "bad_call_location": {
        "ar": "اكتب الموقع بخطَّي العرض والطول بالدرجات، كليهما أو لا شيء.",
        "en": "Give the location as latitude and longitude in degrees, both or neither.",
    },
    "router": {"ar": "اقتراح التصنيف الآلي", "en": "The router's answer"},
    "confidence": {"ar": "الثقة", "en": "Confidence"},
    "alternatives": {"ar": "بدائل", "en": "Alternatives"},
    "not_for_us": {"ar": "ليس من اختصاصنا", "en": "Not for us"},
    "history": {"ar": "سجل الأحداث", "en": "Event history"},
    "delivery": {"ar": "حالة التسليم", "en": "Delivery"},
    "reply": {"ar": "رد على المواطن", "en": "Reply to the citizen"},
    "canned": {"ar": "رد جاهز", "en": "Canned response"},
    "none": {"ar": "—", "en": "—"},
    "send": {"ar": "إرسال", "en": "Send"},
    "note": {"ar": "ملاحظة داخلية", "en": "Internal note"},
    "add_note": {"ar": "إضافة ملاحظة", "en": "Add note"},
    "reclassify": {"ar": "إعادة التصنيف", "en": "Reclassify"},
    "assign": {"ar": "إسناد", "en": "Assign"},
    "move_to": {"ar": "نقل إلى", "en": "Move to"},
    "transition_note": {"ar": "ملاحظة (مطلوبة للحل)", "en": "Note (needed to resolve)"},
    "duplicate_of": {"ar": "مكرر للبلاغ", "en": "Duplicate of"},
    "mark_duplicate": {"ar": "تعليم كمكرر", "en": "Mark duplicate"},
    "save": {"ar": "حفظ", "en": "Save"},
    "done": {"ar": "تم.", "en": "Done."},
    "phone": {"ar": "رقم الهاتف", "en": "Phone number"},
    "caller_name": {"ar": "اسم المتصل", "en": "Caller's name"},
    "call_summary": {"ar": "ملخص المكالمة", "en": "What the caller reported"},
    "call_recorded": {
        "ar": "سُجّلت المكالمة كبلاغ رقمه {reference}. اقرأ هذا الرقم على المتصل ليتابع به بلاغه.",
        "en": "The call is recorded as {reference}. Read this reference out to the caller: they quote it to follow up.",
    },
    # Refusals core gives a key to (core.errors: key + params); the English is core's meaning.
    "reply_empty": {"ar": "الرد فارغ: اكتب نص الرد أولًا.", "en": "The reply is empty."},
    "note_empty": {"ar": "الملاحظة فارغة: اكتب نصها أولًا.", "en": "The note is empty."},
    "call_summary_empty": {
        "ar": "ملخص المكالمة فارغ: اكتب ما أبلغ عنه المتصل.",
        "en": "The call summary is empty: write what the caller reported.",
    },
    "reply_too_long": {
        "ar": "الرد أطول من {limit} حرف.",
        "en": "The reply is longer than {limit} characters.",
    },
    "note_too_long": {
        "ar": "الملاحظة أطول من {limit} حرف.",
        "en": "The note is longer than {limit} characters.",
    },
    "call_summary_too_long": {
        "ar": "ملخص المكالمة أطول من {limit} حرف.",
        "en": "The call summary is longer than {limit} characters.",
    },
    "bad_caller_phone": {
        "ar": "اكتب رقم هاتف المتصل بالأرقام (ويجوز أن يبدأ بعلامة +).",
        "en": "Give the caller's phone number (digits, optionally starting with +).",
    },
    "unknown_category": {
        "ar": "التصنيف {category} غير معروف: اختر تصنيفًا من القائمة.",
        "en": "Unknown category {category}: choose one from the list.",
    },
    "unknown_status": {
        "ar": "الحالة {status} غير معروفة: اختر حالة من القائمة.",
        "en": "Unknown status {status}: choose one from the list.",
    },
    "cannot_move": {
        "ar": "لا يمكن نقل بلاغ من حالة {from_status} إلى حالة {to_status}.",
        "en": "A ticket in status {from_status} cannot move to {to_status}.",
    },
    "role_cannot_move": {
        "ar": "لا يملك دور {role} نقل بلاغ من حالة {from_status} إلى حالة {to_status}.",
        "en": "The role {role} may not move a ticket from {from_status} to {to_status}.",
    },
    "classify_first": {
        "ar": "صنّف البلاغ (التصنيف والمديرية) قبل نقله إلى المرحلة التالية.",
        "en": "Classify the ticket (category and directorate) before moving it on.",
    },
    "question_needed": {
        "ar": "اكتب في الملاحظة السؤال الموجّه إلى المواطن قبل انتظار جوابه.",
        "en": "Write the question to ask the citizen (the note) before waiting for their answer.",
    },
    "answer_needed": {
        "ar": "اكتب جواب القسم في الملاحظة لحل البلاغ.",
        "en": "Write the department's answer (the note) to resolve the ticket.",
    },
    "original_needed": {
        "ar": "اذكر رقم البلاغ الأصلي الذي يكرره هذا البلاغ.",
        "en": "Name the original ticket this one duplicates.",
    },
    "use_mark_duplicate": {
        "ar": "لتعليم البلاغ مكررًا اكتب رقم البلاغ الأصلي في خانة «مكرر للبلاغ».",
        "en": "To mark a duplicate, give the original ticket in “Duplicate of”.",
    },
    "no_original_ticket": {
        "ar": "لا يوجد بلاغ برقم {reference} ليكون البلاغ الأصلي.",
        "en": "There is no ticket {reference} to be the original.",
    },
    "duplicate_of_itself": {
        "ar": "لا يمكن أن يكون البلاغ مكررًا لنفسه.",
        "en": "A ticket cannot duplicate itself.",
    },
    "no_such_assignee": {
        "ar": "لا يوجد موظف نشط بالبريد {email}.",
        "en": "No active member of staff has the email {email}.",
    },
    "assignee_other_directorate": {
        "ar": "{email} يعمل في مديرية غير مديرية هذا البلاغ: اختر موظفًا من مديريته.",
        "en": "{email} works for another directorate than this ticket's.",
    },
    "assign_within_directorate": {
        "ar": "يُسند موظفو الأقسام البلاغات داخل مديريتهم فقط.",
        "en": "Department staff assign tickets only within their directorate.",
    },
    "callback_not_phone": {
        "ar": "معاودة الاتصال تخص الردود على بلاغات الهاتف فقط.",
        "en": "Only replies to phone tickets are call-backs.",
    },
    "bad_since": {
        "ar": "تاريخ البداية غير صحيح: اكتبه بالصيغة 2025-01-31 (المكتوب: {value}).",
        "en": "The start date is not a date: write it like 2025-01-31 (you wrote {value}).",
    },
    "bad_until": {
        "ar": "تاريخ النهاية غير صحيح: اكتبه بالصيغة 2025-01-31 (المكتوب: {value}).",
        "en": "The end date is not a date: write it like 2025-01-31 (you wrote {value}).",
    },
    "period_reversed": {
        "ar": "تاريخ البداية ({since}) بعد تاريخ النهاية ({until}): اختر فترة تبدأ قبل أن تنتهي.",
        "en": "The start date ({since}) is after the end date ({until}): choose a period that starts before it ends.",
    },
    "callback": {"ar": "معاودة الاتصال", "en": "Call-back"},
    "reached": {"ar": "تم الوصول إلى المواطن", "en": "Citizen reached"},
    "not_reached": {"ar": "تعذّر الوصول", "en": "Not reached"},
    "not_found": {"ar": "لا يوجد بلاغ بهذا الرقم.", "en": "No such ticket."},
    "attachment_not_found": {
        "ar": "لم يُعثر على هذا المرفق.",
        "en": "This attachment was not found.",
    },
    "choose_category": {"ar": "اختر تصنيفًا", "en": "Choose a category"},
    "choose_category_first": {
        "ar": "لم يتغير التصنيف: اختر تصنيفًا من القائمة أولًا.",
        "en": "The category is unchanged: choose a category from the list first.",
    },
    "forbidden": {"ar": "لا تملك صلاحية هذا الإجراء.", "en": "You may not do this."},
    # A form refused for its expired security token (the page was open too long)
    "form_expired_title": {"ar": "انتهت صلاحية النموذج", "en": "The form has expired"},
    "form_expired_kept": {
        "ar": "لم يُرسَل شيء: بقيت الصفحة مفتوحة مدة طويلة فانتهت صلاحية النموذج. ما كتبته محفوظ في مكانه أدناه؛ أرسله مرة أخرى.",
        "en": "Nothing was sent: the page had been open too long and the form expired. What you typed is kept below; please send it again.",
    },
    "form_expired_sign_in": {
        "ar": "انتهت صلاحية نموذج الدخول لبقاء الصفحة مفتوحة مدة طويلة. سجّل الدخول مرة أخرى.",
        "en": "The sign-in form had expired because the page was open too long. Please sign in again.",
    },
    "form_expired_copy": {
        "ar": "لم يُرسَل شيء: انتهت صلاحية النموذج لبقاء الصفحة مفتوحة مدة طويلة أو لانتهاء جلستك. انسخ ما كتبته أدناه، ثم افتح الصفحة من جديد وأرسله.",
        "en": "Nothing was sent: the form expired because the page was open too long or your session ended. Copy what you typed below, then open the page again and send it.",
    },
    "form_expired_body": {
        "ar": "لم يُرسَل شيء: انتهت صلاحية النموذج لبقاء الصفحة مفتوحة مدة طويلة أو لانتهاء جلستك. افتح الصفحة من جديد وأعد المحاولة.",
        "en": "Nothing was sent: the form expired because the page was open too long or your session ended. Open the page again and try once more.",
    },
    "you_typed": {"ar": "ما كتبته", "en": "What you typed"},
    "back_to_ticket": {"ar": "العودة إلى البلاغ", "en": "Back to the ticket"},
    "resolution": {"ar": "جواب القسم", "en": "The department's answer"},
    # The three lines: the department answers the dispatcher, who words it for the citizen.
    "answer_dispatcher": {"ar": "جواب القسم إلى الموزّع", "en": "Answer to the dispatcher"},
    "answer_dispatcher_help": {
        "ar": "يصل جوابك إلى الموزّع، وهو من يصوغ ما يُبلَّغ به المواطن ثم يغلق البلاغ. لا يُرسل هذا النص إلى المواطن كما هو.",
        "en": "Your answer goes to the dispatcher, who words what the citizen is told and closes the ticket. This text is not sent to the citizen as it is.",
    },
    "answer_citizen_direct_help": {
        "ar": "يمكن للأقسام في هذا المركز إبلاغ المواطن مباشرة: بعد حفظ الجواب، اختر الحالة «مغلق» وصُغ ما يُبلَّغ به المواطن.",
        "en": "Departments in this centre may inform the citizen themselves: after saving the answer, choose Closed and word what the citizen is told.",
    },
    "send_answer": {"ar": "إرسال الجواب إلى الموزّع", "en": "Send the answer to the dispatcher"},
    "inform_and_close": {"ar": "إبلاغ المواطن وإغلاق البلاغ", "en": "Inform the citizen and close"},
    "inform_help": {
        "ar": "يُرسل هذا النص إلى المواطن ({language}). جواب القسم مكتوب مسبقًا: عدّله بلغة واضحة للمواطن قبل الإرسال.",
        "en": "This text is sent to the citizen ({language}). The department's answer is filled in: word it clearly for the citizen before sending.",
    },
    "answer_sent": {"ar": "ما أُبلغ به المواطن", "en": "What the citizen was told"},
    "answer_empty": {"ar": "نص الجواب للمواطن فارغ.", "en": "The answer for the citizen is empty."},
    "answer_on_close": {
        "ar": "يُرسل الجواب للمواطن عند إغلاق البلاغ فقط.",
        "en": "An answer for the citizen goes with closing only.",
    },
    "set_priority": {"ar": "تغيير الأولوية", "en": "Change the priority"},
    "priority_reason": {"ar": "السبب (يُحفظ في السجل)", "en": "Why (kept in the history)"},
    "unknown_priority": {"ar": "أولوية غير معروفة.", "en": "Unknown priority."},
    "event_priority": {"ar": "تغيير الأولوية", "en": "Priority changed"},
    "rating": {"ar": "تقييم المواطن", "en": "Citizen's rating"},
    "rating_none": {"ar": "لم يقيّم بعد", "en": "Not rated yet"},
    "attention": {"ar": "يحتاج إلى نظر", "en": "Needs a look"},
    "attention_different_problem": {
        "ar": "رسالة لاحقة تبدو مشكلة مختلفة",
        "en": "A follow-up that reads like a different problem",
    },
    "clear_attention": {"ar": "تمت المراجعة", "en": "Looked at"},
    "event_attention": {"ar": "تنبيه للموظفين", "en": "Flagged for staff"},
    "event_attention_cleared": {"ar": "روجع التنبيه", "en": "Flag looked at"},
    "maybe_same_citizen": {"ar": "قد يكون المواطن نفسه", "en": "Possibly the same citizen"},
    "same_citizen": {"ar": "نعم، الشخص نفسه (دمج)", "en": "Same person (merge)"},
    "not_same_citizen": {"ar": "ليس الشخص نفسه", "en": "Not the same person"},
    "split_contact": {"ar": "فصل هذا العنوان كمواطن مستقل", "en": "Split this address off"},
    "event_contact_merged": {"ar": "دمج بيانات المواطن", "en": "Contacts merged"},
    "event_contact_link_rejected": {"ar": "رفض ربط المواطن", "en": "Contact link rejected"},
    "event_contact_split": {"ar": "فصل عنوان المواطن", "en": "Contact split"},
    "event_contact_joined": {"ar": "ربط هوية مؤكدة", "en": "Proven identity joined"},
    "event_possibly_related": {"ar": "بلاغ قد يكون ذا صلة", "en": "Possibly related ticket"},
    "event_courtesy": {"ar": "شكر من المواطن", "en": "Citizen's thanks"},
    "no_such_contact": {"ar": "لا يوجد مواطن بهذا الرقم.", "en": "No such contact to link."},
    "no_such_identity": {
        "ar": "هذا العنوان ليس لهذا المواطن.",
        "en": "No such address on this citizen.",
    },
    "reply_unreachable": {
        "ar": "عنوان المواطن {address} معلَّم بأنه لا يستقبل الرسائل؛ قد لا يصله الرد.",
        "en": "The citizen's address {address} is marked unreachable; the reply may not arrive.",
    },
    "send_anyway": {"ar": "أرسل رغم ذلك", "en": "Send anyway"},
    "address_unreachable": {
        "ar": "لم يُرسل الرد: العنوان {address} معلَّم بأنه لا يستقبل الرسائل. أكّد الإرسال رغم ذلك إن أردت.",
        "en": "Not sent: the address {address} is marked unreachable. Confirm to send anyway.",
    },
    "open311_public": {"ar": "النشر في البيانات المفتوحة (Open311)", "en": "Open data (Open311)"},
    "open311_public_no": {
        "ar": "يُنشر الموقع تقريبيًا (بضع مئات من الأمتار) دون العنوان أو نص الجواب.",
        "en": "Published with the place rounded to a few hundred metres, without address or answer.",
    },
    "open311_public_yes": {
        "ar": "يُنشر بموقعه الدقيق وعنوانه ونص الجواب.",
        "en": "Published with its exact place, address and answer.",
    },
    "make_public": {"ar": "انشره كاملًا", "en": "Publish in full"},
    "make_private": {"ar": "أعده خاصًا", "en": "Make private again"},
    "event_public": {"ar": "تغيير النشر في Open311", "en": "Open311 publication changed"},
    "other_tickets": {"ar": "بلاغات أخرى لهذا المواطن", "en": "This citizen's other tickets"},
    "urgent": {"ar": "عاجل", "en": "Urgent"},
    # Service-quality figures (core/insights/stats.py says what each one counts)
    "group_by": {"ar": "التجميع حسب", "en": "Group by"},
    "bad_group_by": {
        "ar": "لا يمكن التجميع حسب «{value}».",
        "en": "Cannot group by “{value}”.",
    },
    "fig_tickets": {"ar": "البلاغات", "en": "Tickets"},
    "fig_open": {"ar": "مفتوحة", "en": "Open"},
    "fig_resolved": {"ar": "محلولة", "en": "Resolved"},
    "fig_closed": {"ar": "مغلقة", "en": "Closed"},
    "fig_urgent": {"ar": "عاجلة", "en": "Urgent"},
    "fig_first_response_hours_median": {
        "ar": "أول رد: الوسيط (ساعات)",
        "en": "First response: median (hours)",
    },
    "fig_first_response_hours_p90": {
        "ar": "أول رد: المئين 90 (ساعات)",
        "en": "First response: 90th percentile (hours)",
    },
    "fig_resolution_hours_median": {
        "ar": "الحل: الوسيط (ساعات)",
        "en": "Resolution: median (hours)",
    },
    "fig_resolution_hours_p90": {
        "ar": "الحل: المئين 90 (ساعات)",
        "en": "Resolution: 90th percentile (hours)",
    },
    "fig_sla_met_share": {"ar": "أُنجزت في موعدها", "en": "Within the SLA"},
    "fig_reopened_share": {"ar": "أُعيد فتحها", "en": "Reopened"},
    "fig_rating_average": {"ar": "متوسط التقييم (من 5)", "en": "Average rating (of 5)"},
    "fig_rating_count": {"ar": "عدد التقييمات", "en": "Ratings"},
    "fig_rating_response_share": {"ar": "نسبة الرد على الاستبيان", "en": "Survey response rate"},
    "fig_routing_corrected_share": {"ar": "صُحّح تصنيفها", "en": "Category corrected"},
    "group_by_directorate": {"ar": "المديرية", "en": "Directorate"},
    "group_by_category": {"ar": "التصنيف", "en": "Category"},
    "group_by_channel": {"ar": "القناة", "en": "Channel"},
    "group_by_language": {"ar": "اللغة", "en": "Language"},
    "group_by_assignee": {"ar": "المسؤول", "en": "Assignee"},
    "dashboard": {"ar": "لوحة المؤشرات", "en": "Dashboard"},
    "dashboard_only": {
        "ar": "لوحة المؤشرات للمشرفين ومديري النظام.",
        "en": "The dashboard is for supervisors and administrators.",
    },
    "trend_tickets": {
        "ar": "البلاغات لكل يوم حسب المديرية",
        "en": "Tickets per day by directorate",
    },
    "trend_tickets_week": {
        "ar": "البلاغات لكل أسبوع حسب المديرية",
        "en": "Tickets per week by directorate",
    },
    "trend_medians": {
        "ar": "الوسيط لأول رد وللحل (ساعات)",
        "en": "Median first response and resolution (hours)",
    },
    "map_title": {"ar": "خريطة البلاغات", "en": "Map of reports"},
    "map_no_tiles": {
        "ar": "لم تُضبط خريطة أساس؛ تظهر البلاغات في مواقعها دون خلفية.",
        "en": "No base map is configured; reports are shown at their positions without a background.",
    },
    "map_count": {"ar": "بلاغات لها موقع: {count}", "en": "Reports with a location: {count}"},
    "research_export": {
        "ar": "تنزيل بيانات البحث (دون بيانات شخصية)",
        "en": "Download research data (no personal data)",
    },
    "spike_notice": {
        "ar": "ارتفاع غير معتاد: {category} في {area}: {count} بلاغات خلال {hours} ساعات، والمعتاد {usual}.",
        "en": "Unusual volume: {category} in {area}: {count} reports in {hours} hours, usually {usual}.",
    },
    "spikes": {"ar": "ارتفاعات غير معتادة", "en": "Unusual volumes"},
    "total": {"ar": "المجموع", "en": "Total"},
    "since": {"ar": "من", "en": "Since"},
    "until": {"ar": "إلى", "en": "Until"},
    "by": {"ar": "بواسطة", "en": "by"},
    "status_new": {"ar": "جديد", "en": "New"},
    "status_triaged": {"ar": "مسجّل", "en": "Triaged"},
    "status_assigned": {"ar": "محال للقسم", "en": "Assigned"},
    "status_awaiting_citizen": {"ar": "بانتظار المواطن", "en": "Awaiting citizen"},
    "status_resolved": {
        "ar": "أجاب القسم — بانتظار إبلاغ المواطن",
        "en": "Answered by the department, to inform",
    },
    "status_closed": {"ar": "مغلق", "en": "Closed"},
    "status_reopened": {"ar": "أعيد فتحه", "en": "Reopened"},
    "status_duplicate": {"ar": "مكرر", "en": "Duplicate"},
    "status_rejected": {"ar": "مرفوض", "en": "Rejected"},
    "delivery_queued": {"ar": "في الانتظار", "en": "Queued"},
    "delivery_sending": {"ar": "قيد الإرسال", "en": "Sending"},
    "delivery_sent": {"ar": "أُرسل", "en": "Sent"},
    "delivery_retrying": {"ar": "إعادة المحاولة", "en": "Retrying"},
    "delivery_failed": {"ar": "فشل", "en": "Failed"},
    "delivery_delivered": {"ar": "تم التسليم", "en": "Delivered"},
    "delivery_read": {"ar": "تمت القراءة", "en": "Read"},
    "priority_low": {"ar": "منخفضة", "en": "Low"},
    "priority_normal": {"ar": "عادية", "en": "Normal"},
    "priority_high": {"ar": "عالية", "en": "High"},
    "priority_urgent": {"ar": "عاجلة", "en": "Urgent"},
    "role_agent": {"ar": "موظف استقبال", "en": "Intake agent"},
    "role_dispatcher": {"ar": "موزّع", "en": "Dispatcher"},
    "role_department": {"ar": "قسم", "en": "Department"},
    "role_supervisor": {"ar": "مشرف", "en": "Supervisor"},
    "role_admin": {"ar": "مدير النظام", "en": "Administrator"},
    "event_assignee": {"ar": "تغيير المسؤول", "en": "Assignee changed"},
    "event_autoclosed": {"ar": "إغلاق تلقائي", "en": "Closed automatically"},
    "event_awaiting_reminder": {"ar": "تذكير المواطن", "en": "Citizen reminded"},
    "event_callback": {"ar": "معاودة الاتصال", "en": "Call-back"},
    "event_citizen_category": {
        "ar": "تصنيف اختاره المواطن",
        "en": "Category chosen by the citizen",
    },
    "event_citizen_edit": {"ar": "عدّل المواطن رسالته", "en": "Citizen edited a message"},
    "event_citizen_message": {"ar": "رسالة جديدة من المواطن", "en": "New message from the citizen"},
    "event_contact_unreachable": {
        "ar": "تعذّر الوصول إلى عنوان المواطن",
        "en": "Citizen's address unreachable",
    },
    "event_created": {"ar": "إنشاء البلاغ", "en": "Ticket created"},
    "event_delivery_failed": {"ar": "تعذّر التسليم", "en": "Delivery failed"},
    "event_department_reminder": {"ar": "تذكير القسم", "en": "Department reminded"},
    "event_escalated": {"ar": "تصعيد لتجاوز المهلة", "en": "Escalated (SLA breached)"},
    "event_followed_by": {"ar": "بلاغ لاحق مرتبط", "en": "Followed by a new ticket"},
    "event_note": {"ar": "ملاحظة داخلية", "en": "Internal note"},
    "event_phone_call": {"ar": "مكالمة هاتفية", "en": "Phone call"},
    "event_reclassified": {"ar": "إعادة التصنيف", "en": "Reclassified"},
    "event_reply": {"ar": "رد على المواطن", "en": "Reply to the citizen"},
    "event_routed": {"ar": "التصنيف الآلي", "en": "Routed automatically"},
    "event_unassigned": {
        "ar": "أُعيد إلى قائمة المديرية (المسؤول لم يعد متاحاً)",
        "en": "Back to the directorate's queue (assignee no longer available)",
    },
    "event_satisfaction": {"ar": "تقييم المواطن", "en": "Citizen's rating"},
    "event_sla_warning": {"ar": "تنبيه قرب انتهاء المهلة", "en": "SLA warning"},
    "event_staff_category": {"ar": "تصنيف اختاره الموظف", "en": "Category chosen by staff"},
    "event_survey_sent": {"ar": "إرسال سؤال الرضا", "en": "Satisfaction question sent"},
    "event_transition": {"ar": "تغيير الحالة", "en": "Status changed"},
    # Codes shown to staff as words (see `label`): channels, languages, message kinds,
    # event actors, the router's not-for-us reasons, and an empty statistics dimension.
    "channel_telegram": {"ar": "تيليجرام", "en": "Telegram"},
    "channel_email": {"ar": "البريد الإلكتروني", "en": "Email"},
    "channel_web": {"ar": "الموقع الإلكتروني", "en": "Website"},
    "channel_phone": {"ar": "الهاتف", "en": "Phone"},
    "channel_open311": {"ar": "تطبيقات Open311", "en": "Open311 apps"},
    "channel_none": {"ar": "غير معروفة", "en": "Unknown"},
    "language_ar": {"ar": "العربية", "en": "Arabic"},
    "language_en": {"ar": "الإنجليزية", "en": "English"},
    "language_none": {"ar": "غير محددة", "en": "Not known"},
    "category_none": {"ar": "غير مصنّف", "en": "Unclassified"},
    "assignee_none": {"ar": "غير مُسنَد", "en": "Unassigned"},
    "directorate_none": {"ar": "بلا مديرية", "en": "No directorate"},
    "kind_ack": {"ar": "إشعار الاستلام", "en": "Acknowledgement"},
    "kind_forwarded": {"ar": "إشعار الإحالة", "en": "Forwarding notice"},
    "kind_need_info": {"ar": "طلب معلومات", "en": "Request for information"},
    "kind_resolved": {"ar": "إشعار المعالجة", "en": "Resolution notice"},
    "kind_closed": {"ar": "إشعار الإغلاق", "en": "Closure notice"},
    "kind_reopened": {"ar": "إشعار إعادة الفتح", "en": "Reopening notice"},
    "kind_satisfaction": {"ar": "سؤال الرضا", "en": "Satisfaction question"},
    "kind_rating": {"ar": "تقييم المواطن", "en": "Citizen's rating"},
    "kind_duplicate": {"ar": "إشعار الدمج مع بلاغ آخر", "en": "Duplicate notice"},
    "kind_awaiting_reminder": {"ar": "تذكير بانتظار الرد", "en": "Reminder to reply"},
    "kind_autoclosed": {"ar": "إشعار الإغلاق التلقائي", "en": "Automatic closure notice"},
    "kind_rejected": {"ar": "إشعار الرفض", "en": "Rejection notice"},
    "kind_help": {"ar": "رسالة المساعدة", "en": "Help message"},
    "kind_error_too_large": {"ar": "ملف كبير جدًا", "en": "File too large"},
    "kind_error_unsupported_file": {"ar": "نوع ملف غير مقبول", "en": "File type not accepted"},
    "kind_error_rate_limited": {"ar": "رسائل كثيرة جدًا", "en": "Too many messages"},
    "kind_error_temporary": {"ar": "خلل فني مؤقت", "en": "Temporary fault"},
    "kind_error_empty": {"ar": "رسالة غير مفهومة", "en": "Message not understood"},
    "kind_error_group_chat": {"ar": "محادثة جماعية", "en": "Group chat"},
    "kind_error_not_found": {"ar": "رقم بلاغ غير موجود", "en": "Reference not found"},
    "actor_system": {"ar": "النظام", "en": "System"},
    "actor_citizen": {"ar": "المواطن", "en": "Citizen"},
    "reason_empty": {"ar": "رسالة بلا نص", "en": "No text in the message"},
    "reason_gibberish": {"ar": "نص غير مفهوم", "en": "Unintelligible text"},
    "reason_spam": {"ar": "رسالة دعائية أو مزعجة", "en": "Advertising or spam"},
    # Staff accounts (/inbox/staff, administrators only)
    "staff_accounts": {"ar": "حسابات الموظفين", "en": "Staff accounts"},
    "staff_add": {"ar": "إضافة موظف", "en": "Add a member of staff"},
    "staff_details": {"ar": "الاسم والدور والمديرية", "en": "Name, role and directorate"},
    "display_name": {"ar": "الاسم", "en": "Name"},
    "role": {"ar": "الدور", "en": "Role"},
    "directorate_for_department": {"ar": "لموظفي الأقسام فقط", "en": "department staff only"},
    "account_state": {"ar": "حالة الحساب", "en": "Account"},
    "account_active": {"ar": "نشط", "en": "Active"},
    "account_inactive": {"ar": "معطّل", "en": "Deactivated"},
    "account_locked": {
        "ar": "مقفل مؤقتًا بعد محاولات دخول فاشلة",
        "en": "Locked for now after failed sign-ins",
    },
    "you": {"ar": "أنت", "en": "you"},
    "initial_password": {"ar": "كلمة المرور الأولية", "en": "Initial password"},
    "location_map": {"ar": "موقع البلاغ على الخريطة", "en": "The report's place on a map"},
    "open_in_maps_app": {"ar": "فتح في تطبيق الخرائط", "en": "Open in a maps app"},
    "photo_viewer": {"ar": "عرض الصورة", "en": "Photo viewer"},
    "close_viewer": {"ar": "إغلاق", "en": "Close"},
    "live_new_items": {
        "ar": "وصل جديد: {count} (معلَّم أدناه)",
        "en": "New since you opened the page: {count} (marked below)",
    },
    "delivery_retrying_at": {"ar": "؛ ستُعاد المحاولة الساعة {time}", "en": "; retrying at {time}"},
    "delivery_why_relay_refused": {
        "ar": "رفض خادم البريد الاتصال",
        "en": "The mail server refused the connection",
    },
    "delivery_why_relay_timeout": {
        "ar": "لم يردّ خادم البريد في الوقت المحدد",
        "en": "The mail server did not answer in time",
    },
    "delivery_why_relay_name": {
        "ar": "تعذّر العثور على اسم خادم البريد",
        "en": "The mail server's name could not be found",
    },
    "delivery_why_relay_unreachable": {
        "ar": "تعذّر الوصول إلى خادم البريد",
        "en": "The mail server could not be reached",
    },
    "delivery_why_relay_login": {
        "ar": "رفض خادم البريد بيانات الدخول (BALAGH_RELAY_USER وBALAGH_RELAY_PASSWORD)",
        "en": "The mail server did not accept our login (BALAGH_RELAY_USER, BALAGH_RELAY_PASSWORD)",
    },
    "delivery_why_relay_sender": {
        "ar": "رفض خادم البريد عنوان المرسل الخاص بنا",
        "en": "The mail server refused our sender address",
    },
    "delivery_why_recipient": {
        "ar": "رفض خادم بريد المواطن العنوان",
        "en": "The citizen's mail server refused the address",
    },
    "delivery_why_message": {
        "ar": "رفض خادم البريد الرسالة",
        "en": "The mail server refused the message",
    },
    "delivery_why_telegram_flood": {
        "ar": "طلب تيليجرام الإبطاء في الإرسال",
        "en": "Telegram asked us to send more slowly",
    },
    "delivery_why_telegram_blocked": {
        "ar": "حظر المواطن البوت أو غادر المحادثة",
        "en": "The citizen has blocked the bot or left the chat",
    },
    "delivery_why_telegram_rejected": {
        "ar": "رفض تيليجرام الرسالة",
        "en": "Telegram rejected the message",
    },
    "delivery_why_telegram_unreachable": {
        "ar": "تعذّر الوصول إلى تيليجرام",
        "en": "Telegram could not be reached",
    },
    "delivery_why_whatsapp_unreachable": {
        "ar": "تعذّر الوصول إلى واتساب",
        "en": "WhatsApp could not be reached",
    },
    "bulk_assign_to": {"ar": "إسناد البلاغات المحددة إلى", "en": "Assign the ticked tickets to"},
    "bulk_assign": {"ar": "إسناد المحدد", "en": "Assign ticked"},
    "bulk_select": {"ar": "تحديد", "en": "Select"},
    "bulk_assigned": {
        "ar": "أُسند {count} من البلاغات إلى {assignee}.",
        "en": "{count} ticket(s) assigned to {assignee}.",
    },
    "bulk_refused": {"ar": "لم يُسند: {tickets}", "en": "Not assigned: {tickets}"},
    "bulk_not_yours": {"ar": "خارج صلاحياتكم", "en": "outside what you may change"},
    "bulk_action": {"ar": "الإجراء على البلاغات المحددة", "en": "Action on the ticked tickets"},
    "bulk_do_assign": {"ar": "إسناد", "en": "Assign"},
    "bulk_do_move": {"ar": "نقل إلى تصنيف", "en": "Move to a category"},
    "bulk_do_duplicate": {"ar": "تعليمها مكررة لبلاغ", "en": "Mark as duplicates of"},
    "bulk_do_attach": {"ar": "ضمّها إلى حادثة جماعية", "en": "Attach to an incident"},
    "bulk_original": {"ar": "رقم البلاغ الأصلي", "en": "The original's reference"},
    "bulk_apply": {"ar": "تطبيق على المحدد", "en": "Apply to ticked"},
    "bulk_moved": {
        "ar": "نُقل {count} من البلاغات إلى «{category}».",
        "en": "{count} ticket(s) moved to {category}.",
    },
    "bulk_duplicated": {
        "ar": "عُلِّم {count} من البلاغات مكررةً للبلاغ {original}.",
        "en": "{count} ticket(s) marked as duplicates of {original}.",
    },
    "bulk_attached": {
        "ar": "ضُمّ {count} من البلاغات إلى الحادثة رقم {incident}.",
        "en": "{count} ticket(s) attached to incident #{incident}.",
    },
    "bulk_not_done": {"ar": "لم يتغير: {tickets}", "en": "Not changed: {tickets}"},
    "saved_filters": {"ar": "عوامل التصفية المحفوظة", "en": "Saved filters"},
    "no_saved_filters": {
        "ar": "لا توجد بعد. اختر عوامل التصفية ثم احفظها باسم.",
        "en": "None yet. Choose filters, then save them under a name.",
    },
    "filter_name": {"ar": "اسم لهذه التصفية", "en": "A name for this view"},
    "save_filter": {"ar": "حفظ التصفية", "en": "Save this view"},
    "filter_delete": {"ar": "حذف", "en": "Delete"},
    "filter_saved": {"ar": "حُفظت التصفية «{name}».", "en": "Saved “{name}”."},
    "filter_deleted": {"ar": "حُذفت التصفية.", "en": "The saved filter is deleted."},
    "filter_name_empty": {"ar": "اكتب اسمًا للتصفية.", "en": "Give the filter a name."},
    "filter_name_too_long": {
        "ar": "الاسم أطول من {limit} حرفًا.",
        "en": "The name is longer than {limit} characters.",
    },
    "filter_too_long": {
        "ar": "هذه التصفية أطول من أن تُحفظ.",
        "en": "This filter is too long to keep.",
    },
    "filters_full": {
        "ar": "بلغت التصفيات المحفوظة حدها الأقصى ({limit})؛ احذف إحداها أولًا.",
        "en": "You keep {limit} filters already; delete one first.",
    },
    "web_form_address": {
        "ar": "نموذج الموقع (يتابع عبر رابط بلاغه الخاص)",
        "en": "web form (follows the report through its private link)",
    },
    "note_hint_question": {
        "ar": "السؤال الذي سيُرسَل إلى المواطن (مطلوب)",
        "en": "The question the citizen will be sent (required)",
    },
    "note_hint_answer": {
        "ar": "إجابة القسم: ما الذي تم (مطلوبة)",
        "en": "The department's answer: what was done (required)",
    },
    "note_hint_rejected": {
        "ar": "سبب عدم الاختصاص",
        "en": "Why it is not for us",
    },
    "note_hint_closed": {
        "ar": "ملاحظة الإغلاق (داخلية، اختيارية)",
        "en": "Closing note (internal, optional)",
    },
    "note_hint_reopened": {"ar": "سبب إعادة الفتح (داخلية)", "en": "Why it is reopened (internal)"},
    # The ticket page's one side panel and its confirmation (issue 20, item 1)
    "update_ticket": {"ar": "تحديث البلاغ", "en": "Update the ticket"},
    "update": {"ar": "تحديث", "en": "Update"},
    "update_note": {"ar": "ملاحظة", "en": "Note"},
    "reply_placeholder": {
        "ar": "نص الرد الذي سيصل إلى المواطن (اختياري)",
        "en": "What the citizen will be sent (optional)",
    },
    "current_marker": {"ar": "(الحالية)", "en": "(now)"},
    "note_hint_none": {
        "ar": "ملاحظة داخلية لا يراها إلا الموظفون (اختيارية)",
        "en": "Internal note, seen by staff only (optional)",
    },
    "note_hint_move": {
        "ar": "ملاحظة على تغيير الحالة (داخلية، اختيارية)",
        "en": "Note on the status change (internal, optional)",
    },
    "answer_for_citizen": {
        "ar": "ما يُبلَّغ به المواطن عند إغلاق البلاغ",
        "en": "What the citizen is told when you close",
    },
    "duplicate_help": {
        "ar": "اكتب رقم البلاغ الأصلي إن كان هذا البلاغ تكرارًا له، واترك الحالة كما هي.",
        "en": "Give the original's reference if this ticket repeats it; leave the status as it is.",
    },
    "public_checkbox": {
        "ar": "النشر في البيانات المفتوحة (Open311) بالموقع الدقيق والجواب",
        "en": "Public on Open311, with the exact place and the answer",
    },
    "public_yes": {"ar": "منشور", "en": "public"},
    "public_no": {"ar": "غير منشور", "en": "not public"},
    "update_done": {"ar": "تم التحديث:", "en": "Updated:"},
    "nothing_changed": {
        "ar": "لم يتغير شيء: غيّر أحد الحقول أو اكتب ردًا أو ملاحظة، ثم اضغط «تحديث».",
        "en": "Nothing changed: change a field, or write a reply or a note, then press Update.",
    },
    "change_status": {"ar": "الحالة: من {before} إلى {after}", "en": "Status: {before} → {after}"},
    "change_priority": {
        "ar": "الأولوية: من {before} إلى {after}",
        "en": "Priority: {before} → {after}",
    },
    "change_category": {
        "ar": "التصنيف: من {before} إلى {after}",
        "en": "Category: {before} → {after}",
    },
    "change_directorate": {
        "ar": "المديرية: من {before} إلى {after}",
        "en": "Directorate: {before} → {after}",
    },
    "change_assignee": {
        "ar": "المسؤول: من {before} إلى {after}",
        "en": "Assignee: {before} → {after}",
    },
    "change_public": {
        "ar": "النشر في البيانات المفتوحة: {after}",
        "en": "Open311: {after}",
    },
    "change_duplicate_of": {
        "ar": "عُلِّم البلاغ مكررًا للبلاغ {after}",
        "en": "Marked a duplicate of {after}",
    },
    "change_reply": {"ar": "أُرسل الرد إلى المواطن.", "en": "The reply to the citizen is sent."},
    "change_note": {"ar": "أُضيفت ملاحظة داخلية.", "en": "An internal note is added."},
    "duplicate_or_status": {
        "ar": "اختر إما حالة جديدة وإما رقم البلاغ الأصلي المكرَّر، لا الاثنين معًا.",
        "en": "Choose either a new status or the ticket this one duplicates, not both.",
    },
    "change_password": {"ar": "تغيير كلمة المرور", "en": "Change password"},
    "current_password": {"ar": "كلمة المرور الحالية", "en": "Current password"},
    "repeat_password": {"ar": "كلمة المرور الجديدة مرة أخرى", "en": "New password again"},
    "password_mismatch": {
        "ar": "كلمتا المرور الجديدتان غير متطابقتين.",
        "en": "The two new passwords are not the same.",
    },
    "password_current_wrong": {
        "ar": "كلمة المرور الحالية غير صحيحة.",
        "en": "The current password is not right.",
    },
    "password_same": {
        "ar": "كلمة المرور الجديدة مطابقة للحالية؛ اختر كلمة أخرى.",
        "en": "The new password is the same as the current one; choose another.",
    },
    "password_changed": {"ar": "تم تغيير كلمة المرور.", "en": "Your password has been changed."},
    "shortcuts": {"ar": "اختصارات لوحة المفاتيح", "en": "Keyboard shortcuts"},
    "shortcut_search": {"ar": "الانتقال إلى البحث", "en": "Go to the search box"},
    "shortcut_rows": {
        "ar": "البلاغ التالي أو السابق في القائمة (Enter لفتحه)",
        "en": "Next or previous ticket in the list (Enter opens it)",
    },
    "shortcut_reply": {"ar": "كتابة رد على المواطن", "en": "Write a reply to the citizen"},
    "shortcut_note": {"ar": "كتابة ملاحظة داخلية", "en": "Write an internal note"},
    "shortcut_update": {
        "ar": "إرسال «تحديث» من لوحة البلاغ أثناء الكتابة",
        "en": "Send the ticket panel's Update while typing",
    },
    "shortcut_help": {"ar": "إظهار هذه القائمة أو إخفاؤها", "en": "Show or hide this list"},
    "new_password": {"ar": "كلمة المرور الجديدة", "en": "New password"},
    "password_rule": {"ar": "{minimum} أحرف على الأقل", "en": "at least {minimum} characters"},
    "reset_password": {"ar": "تعيين كلمة المرور", "en": "Set the password"},
    "reset_password_note": {
        "ar": "يرفع ذلك أي قفل على الحساب. رموز الواجهة البرمجية (API) للموظف تبقى صالحة.",
        "en": "This also lifts a sign-in lockout. The person's API tokens stay valid.",
    },
    "deactivate": {"ar": "تعطيل الحساب", "en": "Deactivate"},
    "reactivate": {"ar": "إعادة تفعيل الحساب", "en": "Reactivate"},
    "deactivate_note": {
        "ar": "لا يستطيع صاحب الحساب المعطّل تسجيل الدخول، وتنتهي جلساته المفتوحة وتتوقف رموز الواجهة البرمجية الخاصة به.",
        "en": "A deactivated account cannot sign in; its open sessions end and its API tokens stop working.",
    },
    "staff_self_note": {
        "ar": "لا يمكنك إزالة دور مدير النظام عن حسابك أو تعطيل حسابك.",
        "en": "You cannot remove your own administrator role or deactivate your own account.",
    },
    "staff_created": {"ar": "أُضيف {email}.", "en": "{email} is added."},
    "staff_deactivated": {"ar": "عُطّل الحساب.", "en": "The account is deactivated."},
    "staff_reactivated": {"ar": "أُعيد تفعيل الحساب.", "en": "The account is active again."},
    "staff_password_set": {"ar": "عُيّنت كلمة المرور.", "en": "The password is set."},
    "staff_admin_only": {
        "ar": "إدارة حسابات الموظفين لمدير النظام فقط.",
        "en": "Only administrators can manage staff accounts.",
    },
    "staff_not_found": {"ar": "لا يوجد موظف بهذا الرقم.", "en": "No such member of staff."},
    "staff_bad_email": {
        "ar": "هذا ليس بريدًا إلكترونيًا صحيحًا.",
        "en": "This is not an email address.",
    },
    "staff_email_exists": {
        "ar": "يوجد موظف بالبريد {email} من قبل.",
        "en": "A member of staff with the email {email} already exists.",
    },
    "staff_bad_role": {"ar": "اختر دورًا من القائمة.", "en": "Choose a role from the list."},
    "staff_needs_directorate": {
        "ar": "موظفو الأقسام يحتاجون إلى مديرية: اختر واحدة.",
        "en": "Department staff need a directorate: choose one.",
    },
    "staff_password_too_short": {
        "ar": "يجب أن تتكون كلمة المرور من {minimum} أحرف على الأقل.",
        "en": "The password must have at least {minimum} characters.",
    },
    "staff_name_too_long": {
        "ar": "الاسم أطول من {limit} حرفًا.",
        "en": "The name is longer than {limit} characters.",
    },
    "staff_bad_language": {"ar": "اختر العربية أو الإنجليزية.", "en": "Choose Arabic or English."},
    "staff_no_self_demote": {
        "ar": "لا يمكنك إزالة دور مدير النظام عن حسابك.",
        "en": "You cannot remove your own administrator role.",
    },
    "staff_no_self_deactivate": {
        "ar": "لا يمكنك تعطيل حسابك.",
        "en": "You cannot deactivate your own account.",
    },
    # Mass incidents (channels/web/inbox/incidents.py)
    "incidents": {"ar": "الحوادث الجماعية", "en": "Incidents"},
    "incident": {"ar": "حادثة", "en": "Incident"},
    "incident_status_open": {"ar": "مفتوحة", "en": "Open"},
    "incident_status_closed": {"ar": "مغلقة", "en": "Closed"},
    "incident_area": {"ar": "المنطقة", "en": "Area"},
    "incident_reports": {"ar": "البلاغات المرتبطة", "en": "Linked reports"},
    "incident_suggested": {
        "ar": "بلاغات بلا إحداثيات تذكر المنطقة نفسها (بانتظار التأكيد)",
        "en": "Reports without coordinates naming the same area (to confirm)",
    },
    "incident_history": {"ar": "المحادثة المشتركة والسجل", "en": "Shared conversation and history"},
    "incident_reply_all": {"ar": "رد واحد لجميع المواطنين", "en": "One reply to every citizen"},
    "incident_reply_help": {
        "ar": "يصل الرد إلى كل مواطن مرة واحدة عبر قناته وبلغته.",
        "en": "Each citizen receives it once, on their own channel, in their language.",
    },
    "incident_text_ar": {"ar": "النص (العربية)", "en": "Text (Arabic)"},
    "incident_text_en": {"ar": "النص بالإنجليزية (اختياري)", "en": "English text (optional)"},
    "incident_move_all": {"ar": "نقل جميع البلاغات إلى", "en": "Move every report to"},
    "incident_answer": {
        "ar": "الإجابة للمواطنين (مطلوبة للحل والإغلاق)",
        "en": "Answer for the citizens (needed to resolve and close)",
    },
    "incident_attach": {"ar": "إضافة بلاغ", "en": "Attach a report"},
    "incident_detach": {"ar": "فصل", "en": "Detach"},
    "incident_confirm": {"ar": "تأكيد الانضمام", "en": "Confirm"},
    "incident_open_here": {
        "ar": "فتح حادثة جماعية من هذا البلاغ",
        "en": "Open an incident from this report",
    },
    "incident_other_refs": {
        "ar": "أرقام بلاغات أخرى (مفصولة بفواصل)",
        "en": "Other references (comma-separated)",
    },
    "incident_part_of": {"ar": "جزء من الحادثة", "en": "Part of incident"},
    "incident_maybe": {"ar": "قد يكون جزءًا من الحادثة", "en": "May be part of incident"},
    "incident_none": {"ar": "لا توجد حوادث هنا.", "en": "No incidents here."},
    "incident_no_map": {
        "ar": "لا توجد إحداثيات لهذه البلاغات.",
        "en": "None of these reports has coordinates.",
    },
    "incident_moved": {
        "ar": "نُقلت: {moved}؛ لم تُنقل: {skipped}",
        "en": "Moved: {moved}; not moved: {skipped}",
    },
    "incident_update_opened": {"ar": "فُتحت الحادثة", "en": "Incident opened"},
    "incident_update_joined": {"ar": "انضم بلاغ", "en": "Report joined"},
    "incident_update_left": {"ar": "فُصل بلاغ", "en": "Report detached"},
    "incident_update_reply": {"ar": "رد للجميع", "en": "Reply to all"},
    "incident_update_transition": {"ar": "تغيير الحالة للجميع", "en": "Status change for all"},
    "kind_ack_incident": {
        "ar": "إشعار استلام (مشكلة معروفة)",
        "en": "Acknowledgement (known problem)",
    },
    "kind_incident_reply": {"ar": "رد الحادثة", "en": "Incident reply"},
    "kind_incident_joined": {"ar": "إشعار الانضمام إلى حادثة", "en": "Joined an incident"},
    "incident_no_open_reports": {
        "ar": "لا توجد في الحادثة بلاغات مفتوحة للرد عليها.",
        "en": "The incident has no open reports to answer.",
    },
    "incident_target": {
        "ar": "لا يمكن نقل بلاغات الحادثة معًا إلى هذه الحالة.",
        "en": "An incident's reports cannot move together to that status.",
    },
    "incident_closed": {"ar": "الحادثة مغلقة.", "en": "The incident is closed."},
    "in_other_incident": {
        "ar": "البلاغ {reference} جزء من حادثة أخرى؛ افصله منها أولًا.",
        "en": "{reference} is part of another incident; detach it there first.",
    },
    "already_in_incident": {
        "ar": "البلاغ {reference} جزء من هذه الحادثة بالفعل.",
        "en": "{reference} is already part of this incident.",
    },
    "incident_other_directorate": {
        "ar": "البلاغ تابع لمديرية غير مديرية الحادثة.",
        "en": "The report belongs to another directorate than the incident.",
    },
    "no_such_ticket_reference": {
        "ar": "لا يوجد بلاغ برقم {reference}.",
        "en": "No ticket {reference}.",
    },
}


def translate(key: str, lang: str, **params: object) -> str:
    """The word for `key` in `lang` (English, then the key, when missing)."""
    entry = WORDS.get(key)
    text = key if entry is None else entry.get(lang) or entry.get("en") or key
    return text.format(**params) if params else text


def label(group: str, code: object, lang: str) -> str:
    """A stored code (a channel, a language, a message kind...) as a word in `lang`.

    The word is `WORDS["<group>_<code>"]`; no code reads as the group's `<group>_none` word
    (or a dash), and a code without a word shows as itself, so nothing silently disappears.
    """
    text = "none" if code is None or code == "" else str(code)
    key = f"{group}_{text}"
    if key in WORDS:
        return translate(key, lang)
    return translate("none", lang) if text == "none" else text


@dataclass(frozen=True)
class ArabicNoun:
    """The forms an Arabic noun takes after a number written in digits."""

    zero: str  # 0: the whole phrase, "لا توجد بلاغات"
    one: str  # 1: the whole phrase, "بلاغ واحد"
    two: str  # 2: the dual on its own, "بلاغان"
    few: str  # 3-10 (and 103-110...): plural, "بلاغات"
    many: str  # 11-99 (and 111-199...): accusative singular, "بلاغًا"
    other: str  # 100, 101, 102, 200...: singular, "بلاغ"


def arabic_count(n: int, noun: ArabicNoun) -> str:
    """`n` of `noun` with Arabic number agreement: "بلاغان", "3 بلاغات", "11 بلاغًا"."""
    if n == 0:
        return noun.zero
    if n == 1:
        return noun.one
    if n == 2:
        return noun.two
    rest = n % 100
    if 3 <= rest <= 10:
        return f"{n} {noun.few}"
    if 11 <= rest <= 99:
        return f"{n} {noun.many}"
    return f"{n} {noun.other}"


# Nouns the inbox counts: the Arabic forms, and English singular and plural.
NOUNS: dict[str, tuple[ArabicNoun, str, str]] = {
    "ticket": (
        ArabicNoun(
            zero="لا توجد بلاغات",
            one="بلاغ واحد",
            two="بلاغان",
            few="بلاغات",
            many="بلاغًا",
            other="بلاغ",
        ),
        "ticket",
        "tickets",
    ),
}


def count_phrase(noun: str, n: int, lang: str) -> str:
    """A count of one of `NOUNS` in `lang` ("3 بلاغات", "3 tickets"; English when unknown)."""
    arabic, singular, plural = NOUNS[noun]
    if lang == "ar":
        return arabic_count(n, arabic)
    return f"{n} {singular if n == 1 else plural}"

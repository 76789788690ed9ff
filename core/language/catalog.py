"""The texts Balagh sends citizens on its own, in Arabic and English.

Arabic is written as a municipality writes to a citizen (polite Modern Standard Arabic, plural
of respect), not translated word for word. `{name}` fields are filled by `texts.render`;
directorate names arrive as parameters in the right language, so nothing here names the
taxonomy. Block parameters (answer, question, body) stand on their own lines.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "ack": {
        "ar": (
            "شكرًا لتواصلكم مع البلدية. استلمنا بلاغكم وسجّلناه برقم {reference}.\n"
            "سيُحال البلاغ إلى {directorate} لمتابعته، وسنوافيكم بالمستجدات، "
            "وقد نتواصل معكم إن احتجنا إلى معلومات إضافية.\n\n"
            "يمكنكم متابعة حالة البلاغ عبر الرابط التالي، وهو خاص بكم فنرجو عدم مشاركته:\n"
            "{status_url}"
        ),
        "en": (
            "Thank you for contacting the Municipality. We have received your report and "
            "registered it as {reference}.\n"
            "It will be passed to {directorate} to follow up. We will keep you informed, and "
            "may contact you if we need more details.\n\n"
            "You can follow your report at this private link (please do not share it):\n"
            "{status_url}"
        ),
    },
    "forwarded": {
        "ar": (
            "نحيطكم علمًا بأن بلاغكم رقم {reference} أُحيل إلى {directorate_name}، "
            "وسيتولى الفريق المختص متابعته. سنوافيكم بأي مستجدات."
        ),
        "en": (
            "Your report {reference} has been forwarded to {directorate_name}, who will follow "
            "it up. We will let you know of any progress."
        ),
    },
    "need_info": {
        "ar": (
            "بخصوص بلاغكم رقم {reference}، نحتاج منكم إلى بعض المعلومات الإضافية "
            "لنتمكن من متابعته:\n\n{question}\n\n"
            "نرجو الرد على هذه الرسالة بالمعلومات المطلوبة، ولكم جزيل الشكر."
        ),
        "en": (
            "About your report {reference}: we need a little more information to take it "
            "forward:\n\n{question}\n\nPlease reply to this message with the details. Thank you."
        ),
    },
    "resolved": {
        "ar": (
            "يسعدنا إبلاغكم بأنه تمت معالجة بلاغكم رقم {reference}، "
            "وفيما يلي رد الجهة المختصة:\n\n{answer}\n\n"
            "إن لم تُحل المشكلة، يمكنكم الرد على هذه الرسالة وسنعيد فتح البلاغ."
        ),
        "en": (
            "Your report {reference} has been resolved. The department's answer:\n\n{answer}\n\n"
            "If the problem is not solved, reply to this message and we will reopen your report."
        ),
    },
    "closed": {
        "ar": (
            "أُغلق بلاغكم رقم {reference}. نشكركم على تعاونكم وحرصكم على خدمة مجتمعكم، "
            "وإن كان لديكم ما تضيفونه فيمكنكم الرد على هذه الرسالة."
        ),
        "en": (
            "Your report {reference} is now closed. Thank you for helping us look after your "
            "area. If there is anything more, just reply to this message."
        ),
    },
    "reopened": {
        "ar": (
            "أُعيد فتح بلاغكم رقم {reference}، وسيتابعه الفريق المختص من جديد. سنوافيكم بالمستجدات."
        ),
        "en": (
            "Your report {reference} has been reopened and the team will look at it again. "
            "We will keep you informed."
        ),
    },
    "satisfaction": {
        "ar": (
            "رأيكم يهمنا. ما مدى رضاكم عن معالجة بلاغكم رقم {reference}؟\n"
            "نرجو الرد برقم من 1 (غير راضٍ) إلى 5 (راضٍ جدًا)."
        ),
        "en": (
            "We value your opinion. How satisfied are you with how we handled your report "
            "{reference}?\nPlease reply with a number from 1 (not satisfied) to 5 (very satisfied)."
        ),
    },
    "duplicate": {
        "ar": (
            "تبيّن لنا أن بلاغكم رقم {reference} يخص المشكلة نفسها المسجلة في البلاغ رقم "
            "{original}، والتي تجري متابعتها حاليًا، لذا ضممناه إليه وستصلكم مستجداته. "
            "نشكركم على الإبلاغ."
        ),
        "en": (
            "Your report {reference} is about the same problem as report {original}, which is "
            "already being handled, so we have joined the two. You will receive its updates. "
            "Thank you for letting us know."
        ),
    },
    "reply": {
        "ar": "رد بخصوص بلاغكم رقم {reference}:\n\n{body}\n\nللتعقيب، يكفي الرد على هذه الرسالة.",
        "en": "A reply about your report {reference}:\n\n{body}\n\nTo answer, simply reply to this message.",
    },
    "awaiting_reminder": {
        "ar": (
            "تذكير: ما زلنا بانتظار ردكم على استفسارنا بخصوص البلاغ رقم {reference}. "
            "نرجو الرد على هذه الرسالة لنتمكن من متابعة البلاغ، علمًا بأنه سيُغلق تلقائيًا "
            "إن لم يصلنا رد."
        ),
        "en": (
            "A reminder: we are still waiting for your answer about report {reference}. Please "
            "reply to this message so we can continue; if we do not hear from you, the report "
            "will be closed automatically."
        ),
    },
    "autoclosed": {
        "ar": (
            "أُغلق بلاغكم رقم {reference} لعدم وصول رد منكم على استفسارنا. "
            "إن كانت المشكلة لا تزال قائمة، يمكنكم الرد على هذه الرسالة وسنعيد فتح البلاغ."
        ),
        "en": (
            "We have closed report {reference} because we did not receive an answer to our "
            "question. If the problem is still there, reply to this message and we will reopen it."
        ),
    },
    "rejected": {
        "ar": (
            "نعتذر عن عدم إمكانية متابعة بلاغكم رقم {reference}، إذ إنه لا يدخل ضمن اختصاصات "
            "البلدية أو لا يتضمن ما يمكن معالجته. لأي استفسار، يمكنكم الرد على هذه الرسالة."
        ),
        "en": (
            "We are sorry, but we cannot take report {reference} forward: it is outside the "
            "Municipality's responsibilities or does not describe something we can act on. "
            "If you have a question, reply to this message."
        ),
    },
    "help": {
        "ar": (
            "مرحبًا بكم في خدمة بلاغات البلدية.\n\n"
            "لتقديم بلاغ، اكتبوا وصفًا للمشكلة ومكانها، ويمكنكم إرفاق صورة أو مشاركة الموقع. "
            "سنرسل لكم رقم البلاغ ورابطًا خاصًا لمتابعته.\n\n"
            "للإضافة إلى بلاغ سابق أو الاستفسار عنه، ردّوا على رسالتنا أو أرسلوا رقم البلاغ."
        ),
        "en": (
            "Welcome to the Municipality's reporting service.\n\n"
            "To report a problem, describe it and say where it is; you can attach a photo or "
            "share your location. We will send you a reference number and a private link to "
            "follow it.\n\n"
            "To add to an earlier report or ask about it, reply to our message or send its "
            "reference number."
        ),
    },
    "error_too_large": {
        "ar": (
            "عذرًا، الملف المرفق كبير جدًا ولم نتمكن من استلامه. "
            "نرجو إرسال ملف أصغر حجمًا أو صورة بدقة أقل."
        ),
        "en": (
            "Sorry, the attachment is too large for us to receive. Please send a smaller file "
            "or a lower-resolution photo."
        ),
    },
    "error_unsupported_file": {
        "ar": (
            "عذرًا، لا يمكننا استلام هذا النوع من الملفات. "
            "نرجو إرسال صورة أو مستند بصيغة شائعة مثل JPG أو PNG أو PDF."
        ),
        "en": (
            "Sorry, we cannot accept this type of file. Please send a photo or a document in a "
            "common format such as JPG, PNG or PDF."
        ),
    },
    "error_rate_limited": {
        "ar": ("وصلتنا منكم رسائل كثيرة خلال وقت قصير. نرجو الانتظار قليلًا ثم المحاولة مرة أخرى."),
        "en": (
            "We have received a lot of messages from you in a short time. Please wait a little "
            "and try again."
        ),
    },
    "error_temporary": {
        "ar": "عذرًا، حدث خلل مؤقت لدينا. نرجو المحاولة مرة أخرى بعد قليل.",
        "en": "Sorry, something went wrong on our side. Please try again in a few minutes.",
    },
    "error_empty": {
        "ar": ("لم نتمكن من فهم رسالتكم. نرجو كتابة وصف للمشكلة ومكانها، ويمكنكم إرفاق صورة."),
        "en": (
            "We could not understand your message. Please describe the problem and where it "
            "is; you can attach a photo too."
        ),
    },
    "error_group_chat": {
        "ar": "لتقديم بلاغ، نرجو مراسلتنا في محادثة خاصة وليس في مجموعة.",
        "en": "To report a problem, please message us in a private chat, not in a group.",
    },
    "error_not_found": {
        "ar": "لم نجد بلاغًا بهذا الرقم. نرجو التأكد من الرقم والمحاولة مرة أخرى.",
        "en": "We could not find a report with that reference. Please check it and try again.",
    },
}

# Optional parameters: what a None value reads as.
DEFAULTS: dict[str, dict[str, str]] = {
    "directorate": {"ar": "الجهة المختصة", "en": "the department responsible"},
    "directorate_name": {"ar": "الجهة المختصة", "en": "the department responsible"},
}

SUBJECTS: dict[str, dict[str, str]] = {
    "ack": {"ar": "تم استلام بلاغكم", "en": "Your report was received"},
    "forwarded": {"ar": "أُحيل بلاغكم إلى الجهة المختصة", "en": "Your report was forwarded"},
    "need_info": {"ar": "نحتاج إلى معلومات إضافية", "en": "We need more information"},
    "resolved": {"ar": "تمت معالجة بلاغكم", "en": "Your report was resolved"},
    "closed": {"ar": "أُغلق بلاغكم", "en": "Your report was closed"},
    "reopened": {"ar": "أُعيد فتح بلاغكم", "en": "Your report was reopened"},
    "satisfaction": {"ar": "رأيكم يهمنا", "en": "How did we do?"},
    "duplicate": {"ar": "ضُمّ بلاغكم إلى بلاغ سابق", "en": "Your report was joined to another"},
    "reply": {"ar": "رد بخصوص بلاغكم", "en": "A reply about your report"},
    "awaiting_reminder": {
        "ar": "تذكير: بانتظار ردكم",
        "en": "Reminder: we are waiting for your reply",
    },
    "autoclosed": {"ar": "أُغلق بلاغكم", "en": "Your report was closed"},
    "rejected": {"ar": "بخصوص بلاغكم", "en": "About your report"},
    "error": {"ar": "تعذّرت معالجة رسالتكم", "en": "We could not process your message"},
    "update": {"ar": "مستجدات بلاغكم", "en": "An update on your report"},
}

STATUS_LABELS: dict[str, dict[str, str]] = {
    "new": {"ar": "تم الاستلام", "en": "Received"},
    "triaged": {"ar": "قيد المراجعة", "en": "Being reviewed"},
    "assigned": {"ar": "لدى الجهة المختصة", "en": "With the department"},
    "awaiting_citizen": {"ar": "بانتظار ردكم", "en": "Waiting for your reply"},
    "resolved": {"ar": "تمت المعالجة", "en": "Resolved"},
    "closed": {"ar": "مغلق", "en": "Closed"},
    "reopened": {"ar": "أُعيد فتحه", "en": "Reopened"},
    "duplicate": {"ar": "مضموم إلى بلاغ آخر", "en": "Joined to another report"},
    "rejected": {"ar": "تعذّرت متابعته", "en": "Not taken forward"},
}

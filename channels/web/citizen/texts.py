"""Every word on the citizen pages, in Arabic and English.

The Arabic is written the way the municipality addresses a citizen (polite Modern Standard
Arabic, plural of respect), not translated word for word. Templates call `t(key)`; status
names come from core's catalog (`core.language.texts.status_label`).
"""

from __future__ import annotations

LANGUAGES = ("ar", "en")
DEFAULT_LANGUAGE = "ar"

TEXTS: dict[str, dict[str, str]] = {
    "site_name": {"ar": "بلاغ — خدمة بلاغات البلدية", "en": "Balagh — Municipality reports"},
    "municipality": {"ar": "البلدية", "en": "The Municipality"},
    "switch_language": {"ar": "English", "en": "العربية"},
    "switch_language_label": {"ar": "Switch to English", "en": "التبديل إلى العربية"},
    "skip_to_content": {"ar": "انتقل إلى المحتوى", "en": "Skip to content"},
    # the report form
    "report_title": {"ar": "تقديم بلاغ", "en": "Report a problem"},
    "report_intro": {
        "ar": (
            "صِفوا لنا المشكلة ومكانها، وسنحيلها إلى الجهة المختصة. "
            "ستحصلون بعد الإرسال على رقم البلاغ ورابط خاص لمتابعته."
        ),
        "en": (
            "Tell us what the problem is and where, and we will pass it to the department "
            "responsible. After sending you get a reference number and a private link to follow it."
        ),
    },
    "required_note": {"ar": "الحقول المعلَّمة بـ * مطلوبة.", "en": "Fields marked * are required."},
    "section_problem": {"ar": "المشكلة", "en": "The problem"},
    "description": {"ar": "وصف المشكلة *", "en": "What is the problem? *"},
    "description_help": {
        "ar": "مثال: حفرة كبيرة في الطريق أمام مسجد الحي، تسببت في تعطل سيارات.",
        "en": "For example: a large pothole in the road outside the mosque, cars are hitting it.",
    },
    "category": {"ar": "نوع البلاغ", "en": "Type of problem"},
    "category_help": {
        "ar": "إن لم تكونوا متأكدين فاتركوه، وسنحدده نحن.",
        "en": "If you are not sure, leave it and we will decide.",
    },
    "category_not_sure": {"ar": "لست متأكدًا", "en": "Not sure"},
    "section_location": {"ar": "الموقع", "en": "Where is it?"},
    "address": {"ar": "العنوان أو وصف المكان", "en": "Address or description of the place"},
    "address_help": {
        "ar": "مثال: الخوض، السكة 4512، بجانب الحديقة العامة.",
        "en": "For example: Al Khoudh, way 4512, next to the public park.",
    },
    "lat": {"ar": "خط العرض", "en": "Latitude"},
    "lon": {"ar": "خط الطول", "en": "Longitude"},
    "coordinates_help": {
        "ar": "اختياري. إن أرفقتم صورة تحمل الموقع، سنأخذ الإحداثيات منها.",
        "en": "Optional. If you attach a photo that carries its location, we take it from there.",
    },
    "use_my_location": {"ar": "استخدام موقعي الحالي", "en": "Use my current location"},
    "locating": {"ar": "جارٍ تحديد موقعكم…", "en": "Finding your location…"},
    "located": {"ar": "تم تحديد موقعكم.", "en": "Your location has been added."},
    "locate_failed": {
        "ar": "تعذّر تحديد موقعكم. يمكنكم كتابة العنوان بدلًا من ذلك.",
        "en": "We could not find your location. You can type the address instead.",
    },
    "photos": {"ar": "صور (حتى 5 صور)", "en": "Photos (up to 5)"},
    "photos_help": {
        "ar": "صور بصيغة JPG أو PNG أو WebP، بحد أقصى 10 ميغابايت للصورة.",
        "en": "JPG, PNG or WebP photos, up to 10 MB each.",
    },
    "section_contact": {"ar": "بيانات التواصل (اختيارية)", "en": "Your details (optional)"},
    "contact_help": {
        "ar": "إن كتبتم بريدكم الإلكتروني فستصلكم الردود عليه أيضًا.",
        "en": "If you give your email address, our replies also reach you by email.",
    },
    "name": {"ar": "الاسم", "en": "Name"},
    "email": {"ar": "البريد الإلكتروني", "en": "Email"},
    "phone": {"ar": "رقم الهاتف", "en": "Phone number"},
    "phone_help": {"ar": "مثال: 91234567 أو ‎+968 91234567", "en": "For example: +968 91234567"},
    "honeypot": {"ar": "اترك هذا الحقل فارغًا", "en": "Leave this field empty"},
    "submit": {"ar": "إرسال البلاغ", "en": "Send report"},
    "errors_summary": {
        "ar": "لم يُرسَل البلاغ. نرجو تصحيح ما يلي:",
        "en": "The report was not sent. Please correct the following:",
    },
    # validation errors
    "err_description_required": {
        "ar": "نرجو كتابة وصف للمشكلة.",
        "en": "Please describe the problem.",
    },
    "err_description_long": {
        "ar": "الوصف طويل جدًا؛ الحد الأقصى 4000 حرف.",
        "en": "The description is too long; the limit is 4,000 characters.",
    },
    "err_too_long": {"ar": "النص طويل جدًا.", "en": "This is too long."},
    "err_category": {
        "ar": "نرجو اختيار نوع من القائمة.",
        "en": "Please choose a type from the list.",
    },
    "err_lat": {
        "ar": "خط العرض رقم بين ‎-90 و 90.",
        "en": "Latitude must be a number between -90 and 90.",
    },
    "err_lon": {
        "ar": "خط الطول رقم بين ‎-180 و 180.",
        "en": "Longitude must be a number between -180 and 180.",
    },
    "err_coordinates_pair": {
        "ar": "نرجو كتابة خط العرض وخط الطول معًا، أو تركهما فارغين.",
        "en": "Please give both latitude and longitude, or leave both empty.",
    },
    "err_photos_count": {
        "ar": "يمكن إرفاق 5 صور كحد أقصى.",
        "en": "You can attach at most 5 photos.",
    },
    "err_photo_not_image": {
        "ar": "الملف «{filename}» ليس صورة يمكننا قبولها (JPG أو PNG أو WebP).",
        "en": "The file “{filename}” is not a photo we can accept (JPG, PNG or WebP).",
    },
    "err_photo_too_large": {
        "ar": "الصورة «{filename}» كبيرة جدًا؛ الحد الأقصى 10 ميغابايت.",
        "en": "The photo “{filename}” is too large; the limit is 10 MB.",
    },
    "err_email": {
        "ar": "نرجو كتابة بريد إلكتروني صحيح، مثل name@example.com.",
        "en": "Please enter a valid email address, such as name@example.com.",
    },
    "err_phone": {
        "ar": "نرجو كتابة رقم هاتف صحيح (أرقام فقط، ويمكن أن يبدأ بـ +).",
        "en": "Please enter a valid phone number (digits, may start with +).",
    },
    "err_message_required": {
        "ar": "نرجو كتابة رسالة أو إرفاق صورة.",
        "en": "Please write a message or attach a photo.",
    },
    "err_rating": {"ar": "نرجو اختيار تقييم.", "en": "Please choose a rating."},
    # after submit
    "submitted_title": {"ar": "تم استلام بلاغكم", "en": "Your report was received"},
    "submitted_thanks": {
        "ar": "شكرًا لكم. سجّلنا بلاغكم وسنحيله إلى الجهة المختصة.",
        "en": "Thank you. We have registered your report and will pass it to the department.",
    },
    "reference_label": {"ar": "رقم البلاغ", "en": "Reference number"},
    "private_link_label": {"ar": "رابط المتابعة الخاص بكم", "en": "Your private tracking link"},
    "private_link_help": {
        "ar": "احفظوا هذا الرابط؛ من خلاله تتابعون البلاغ وتضيفون إليه. لا تشاركوه مع أحد.",
        "en": "Keep this link: it lets you follow and add to your report. Do not share it.",
    },
    "submitted_email_note": {
        "ar": "أرسلنا الرقم والرابط أيضًا إلى بريدكم الإلكتروني.",
        "en": "We have also sent the reference and link to your email.",
    },
    "submitted_pending": {
        "ar": (
            "وصلنا بلاغكم وحُفظ، لكن تأخر تسجيله لخلل مؤقت. سيُسجَّل خلال دقائق، "
            "وسنرسل رقمه إلى بريدكم الإلكتروني إن كنتم كتبتموه."
        ),
        "en": (
            "Your report has been received and saved, but registering it is delayed by a "
            "temporary problem. It will be registered within minutes, and we will email you its "
            "reference if you gave your address."
        ),
    },
    "open_status": {"ar": "متابعة البلاغ", "en": "Follow my report"},
    "another_report": {"ar": "تقديم بلاغ آخر", "en": "Report another problem"},
    "honeypot_thanks": {"ar": "شكرًا لكم، وصلتنا رسالتكم.", "en": "Thank you, we got your message."},
    # status page
    "status_title": {"ar": "بلاغ رقم {reference}", "en": "Report {reference}"},
    "status_label": {"ar": "الحالة", "en": "Status"},
    "submitted_on": {"ar": "تاريخ التقديم", "en": "Sent on"},
    "category_label": {"ar": "النوع", "en": "Type"},
    "department_label": {"ar": "الجهة المختصة", "en": "Department"},
    "location_label": {"ar": "الموقع", "en": "Location"},
    "expected_by": {"ar": "الموعد المتوقع للمعالجة", "en": "Expected to be dealt with by"},
    "expected_estimate": {
        "ar": "{date} تقريبًا (يُحدَّد بدقة عند إحالة البلاغ)",
        "en": "about {date} (fixed once the report is assigned)",
    },
    "expected_unknown": {
        "ar": "يُحدَّد بعد مراجعة البلاغ",
        "en": "Set once the report has been reviewed",
    },
    "resolved_on": {"ar": "تاريخ المعالجة", "en": "Resolved on"},
    "closed_on": {"ar": "تاريخ الإغلاق", "en": "Closed on"},
    "conversation": {"ar": "المراسلات", "en": "Messages"},
    "from_you": {"ar": "أنتم", "en": "You"},
    "from_us": {"ar": "البلدية", "en": "Municipality"},
    "attachment": {"ar": "مرفق", "en": "Attachment"},
    "photo_alt": {"ar": "صورة مرفقة بالبلاغ", "en": "Photo attached to the report"},
    "add_title": {"ar": "إضافة معلومات أو صورة", "en": "Add information or a photo"},
    "add_closed_note": {
        "ar": "البلاغ مغلق؛ إن أرسلتم رسالة جديدة فسيُعاد فتحه.",
        "en": "This report is closed; sending a message will reopen it.",
    },
    "message": {"ar": "رسالتكم", "en": "Your message"},
    "photo": {"ar": "صورة (اختيارية)", "en": "Photo (optional)"},
    "send": {"ar": "إرسال", "en": "Send"},
    "message_sent": {
        "ar": "وصلتنا رسالتكم، شكرًا لكم.",
        "en": "Your message was received. Thank you.",
    },
    "satisfaction_title": {"ar": "رأيكم يهمنا", "en": "How did we do?"},
    "satisfaction_question": {
        "ar": "ما مدى رضاكم عن معالجة بلاغكم؟",
        "en": "How satisfied are you with how we handled your report?",
    },
    "rating_1": {"ar": "غير راضٍ", "en": "Not satisfied"},
    "rating_2": {"ar": "راضٍ قليلًا", "en": "Slightly satisfied"},
    "rating_3": {"ar": "راضٍ إلى حد ما", "en": "Fairly satisfied"},
    "rating_4": {"ar": "راضٍ", "en": "Satisfied"},
    "rating_5": {"ar": "راضٍ جدًا", "en": "Very satisfied"},
    "send_rating": {"ar": "إرسال التقييم", "en": "Send rating"},
    "rating_thanks": {
        "ar": "شكرًا لكم على تقييمكم ({rating} من 5).",
        "en": "Thank you for your rating ({rating} out of 5).",
    },
    # error pages
    "not_found_title": {"ar": "الصفحة غير موجودة", "en": "Page not found"},
    "not_found_body": {
        "ar": "لم نجد ما تبحثون عنه. إن كان لديكم رابط متابعة، فتأكدوا من نسخه كاملًا.",
        "en": "We could not find that. If you have a tracking link, check it was copied in full.",
    },
    "too_large_title": {"ar": "الملفات كبيرة جدًا", "en": "The files are too large"},
    "too_large_body": {
        "ar": (
            "مجموع ما أرسلتموه أكبر من الحد المسموح ({limit} ميغابايت). "
            "نرجو إرفاق صور أقل عددًا أو أصغر حجمًا ثم المحاولة مجددًا."
        ),
        "en": (
            "What you sent is larger than we accept ({limit} MB in all). Please attach fewer "
            "or smaller photos and try again."
        ),
    },
    "rate_limited_title": {"ar": "محاولات كثيرة", "en": "Too many attempts"},
    "rate_limited_body": {
        "ar": "وصلتنا منكم طلبات كثيرة خلال وقت قصير. نرجو الانتظار قليلًا ثم المحاولة مرة أخرى.",
        "en": "We have received many requests from you in a short time. Please wait a little and try again.",
    },
    "csrf_title": {"ar": "انتهت صلاحية النموذج", "en": "The form has expired"},
    "csrf_body": {
        "ar": "لم نتمكن من قبول النموذج لأنه قديم أو ناقص. نرجو فتح الصفحة من جديد ثم الإرسال.",
        "en": "We could not accept the form because it is old or incomplete. Please open the page again and resend.",
    },
    "unavailable_title": {"ar": "خلل مؤقت", "en": "Temporary problem"},
    "unavailable_body": {
        "ar": "عذرًا، لم نتمكن من حفظ بلاغكم الآن بسبب خلل مؤقت لدينا. نرجو المحاولة بعد دقائق.",
        "en": "Sorry, we could not save your report just now because of a problem on our side. Please try again in a few minutes.",
    },
    "back_to_form": {"ar": "العودة إلى النموذج", "en": "Back to the form"},
}

MONTHS = {
    "ar": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def text(key: str, language: str, **params: object) -> str:
    """The page text `key` in `language` (Arabic when unknown), with `{params}` filled."""
    entry = TEXTS[key]
    value = entry.get(language) or entry[DEFAULT_LANGUAGE]
    return value.format(**params) if params else value

# UI strings for Armenian. Every key here must exist in every other language (a test checks).

language-name = Հայերեն
site-name = Homeward
site-tagline = Ուղեցույց տուն վերադարձողների համար

## Page frame
skip-link = Անցնել հիմնական բովանդակությանը
quick-exit = Արագ լքել կայքը
quick-exit-hint = Կբացվի չեզոք կայք։ Ձեր դիտարկիչի պատմության մեջ այս կայքը այնուամենայնիվ կերևա։
language-switcher-label = Ընտրեք լեզուն
language-current = (ընթացիկ լեզու)
footer-privacy = Գաղտնիություն
footer-free = Այս ծառայությունն անվճար է։ Մեր աշխատակիցները երբեք ձեզնից գումար կամ գաղտնաբառեր չեն խնդրի և չեն առաջարկի ձեզ հետ առանձին հանդիպել։ Մեր պաշտոնական հաղորդագրությունները գալիս են միայն այս կայքի հասցեից։
footer-sample = Սա օրինակային տեքստ է։ Ծառայությունը վարող կազմակերպությունն այն կփոխարինի։

## Home page
home-title = Տեղեկություններ տուն վերադարձողների համար
home-lead = Գործնական ուղեցույց փաստաթղթերի, բնակարանի, աշխատանքի, բժշկական օգնության և օրենքների մասին՝ ձեր լեզվով։ Ամեն ինչ կարող եք կարդալ առանց ձեր անունը նշելու։
home-sample-notice = Այս կայքում ցուցադրված է օրինակային բովանդակություն։ Կայքը վարող կազմակերպությունն այն կփոխարինի իր ուղեցույցներով։
home-ask-heading = Հարց տվեք
home-ask-body = Եթե չեք գտնում ձեզ անհրաժեշտ տեղեկությունը, կարող եք հարց տալ խորհրդատուին։ Պարտադիր չէ նշել ձեր անունը։

## Privacy notice
privacy-title = Գաղտնիություն
privacy-lead = Այս էջում բացատրվում է, թե ինչ է պահում այս ծառայությունը ձեր մասին, որքան ժամանակ և ով կարող է դա տեսնել։
privacy-reading-heading = Երբ կարդում եք էջերը
privacy-reading-body = Մենք չենք օգտագործում cookie ֆայլեր կամ վերլուծական գործիքներ և ոչինչ չենք բեռնում այլ կայքերից։ Մենք չենք պահում ձեր IP հասցեն ձեր կարդացածի հետ միասին։
privacy-asking-heading = Երբ հարց եք տալիս
privacy-asking-body = Մենք պահում ենք ձեր հարցը և այն կոնտակտային տվյալները, որոնք որոշել եք տրամադրել։ Դրանք գաղտնագրված են։ Դրանք կարող են կարդալ միայն հարցերին պատասխանող խորհրդատուները։ Ամեն անգամ, երբ խորհրդատուն բացում է հարցը, դա գրանցվում է։
privacy-keeping-heading = Որքան ժամանակ ենք պահում
privacy-keeping-body = Ձեր հարցը փակվելուց հետո որոշակի ժամկետ անց մենք ջնջում ենք հարցը և կոնտակտային տվյալները։ Կարող եք խնդրել, որ դրանք ավելի շուտ ջնջենք։
privacy-rights-heading = Ձեր ընտրությունը
privacy-rights-body = Պարտադիր չէ նշել ձեր անունը, էլ. փոստի հասցեն կամ հեռախոսահամարը։ Կարող եք մեզնից խնդրել ձեր մասին մեր պահած տվյալների պատճենը կամ խնդրել, որ դրանք ջնջենք։

## Error pages
error-back-home = Անցնել գլխավոր էջ
error-request-id = Եթե այս հարցով կապվեք մեզ հետ, նշեք այս կոդը՝ { $id }
error-400-title = Հարցման մեջ ինչ-որ բան այն չէ
error-400-body = Ստուգեք վեբ հասցեն կամ ձևը և նորից փորձեք։
error-403-title = Դուք չեք կարող բացել այս էջը
error-403-body = Հնարավոր է՝ պետք է մուտք գործեք։ Կամ ձեր հաշիվը մուտք չունի այս էջ։
error-404-title = Էջը չի գտնվել
error-404-body = Եթե վեբ հասցեն ինքներդ եք մուտքագրել, ստուգեք, որ այն ճիշտ է։ Եթե հասցեն պատճենել և տեղադրել եք, ստուգեք, որ պատճենել եք ամբողջ հասցեն։
error-405-title = Այս էջը չի կարելի այդպես օգտագործել
error-405-body = Վերադարձեք և նորից փորձեք։
error-413-title = Ձեր ուղարկածը չափազանց մեծ է
error-413-body = Կրճատեք այն և նորից փորձեք։
error-429-title = Չափազանց շատ փորձեր
error-429-body = Սպասեք մի քանի րոպե և նորից փորձեք։
error-500-title = Ներողություն, ծառայության աշխատանքում խնդիր կա
error-500-body = Փորձեք ավելի ուշ։
error-503-title = Ներողություն, ծառայությունը հասանելի չէ
error-503-body = Փորձեք ավելի ուշ։
error-language-title = Այս լեզուն հասանելի չէ
error-language-body = Այս ծառայությունը հասանելի է հետևյալ լեզուներով՝

## Forms
error-prefix = Սխալ
error-summary-title = Խնդիր կա
button-continue = Շարունակել

## Creating a staff account (first administrator or invitation)
setup-title-first = Ստեղծեք ադմինիստրատորի առաջին հաշիվը
setup-lead-first = Այս հաշվով հնարավոր կլինի կառավարել աշխատակիցներին, բովանդակությունը և կարգավորումները, ինչպես նաև պատասխանել հարցերին։ Օգտագործեք էլ. փոստի այնպիսի հասցե, որի նամակները միայն դուք կարող եք կարդալ։
setup-title-invite = Ստեղծեք ձեր աշխատակցի հաշիվը
setup-lead-invite = Ընտրեք գաղտնաբառ ձեր հաշվի համար։
setup-email-label = Էլ. փոստի հասցե
setup-email-hint = Այն կօգտագործեք մուտք գործելու համար։
setup-password-label = Գաղտնաբառ
setup-password-hint = Առնվազն 12 նիշ։ Իրար հետ չկապված մի քանի բառ հեշտ է հիշել և դժվար է գուշակել։
setup-confirm-label = Կրկին մուտքագրեք գաղտնաբառը
setup-submit = Ստեղծել հաշիվ
setup-invalid-title = Այս հղումը հնարավոր չէ օգտագործել
setup-invalid-body = Հղման ժամկետն անցել է, այն արդեն օգտագործվել է, կամ ամբողջությամբ չի պատճենվել։
setup-invalid-help = Նոր հղում խնդրեք ադմինիստրատորից։ Եթե դուք եք կարգավորում ծառայությունը, վերագործարկեք այն, որպեսզի առաջին հաշվի համար նոր հղում ստանաք։
setup-done-title = Ձեր հաշիվը ստեղծվել է
setup-done-body = Այժմ կարող եք մուտք գործել ձեր էլ. փոստի հասցեով և գաղտնաբառով։
setup-error-email-empty = Մուտքագրեք ձեր էլ. փոստի հասցեն
setup-error-email-invalid = Մուտքագրեք էլ. փոստի հասցեն ճիշտ ձևաչափով, օրինակ՝ name@example.org
setup-error-email-taken = Այս էլ. փոստի հասցեով հաշիվ արդեն կա
setup-error-password-short = Գաղտնաբառը պետք է լինի առնվազն 12 նիշ
setup-error-password-long = Գաղտնաբառը պետք է լինի առավելագույնը 256 նիշ
setup-error-password-mismatch = Գաղտնաբառերը չեն համընկնում

## Dates: { $day } { $month } { $year }, month names as they appear in a date
date-format = { $year } թ. { $month } { $day }
month-1 = հունվարի
month-2 = փետրվարի
month-3 = մարտի
month-4 = ապրիլի
month-5 = մայիսի
month-6 = հունիսի
month-7 = հուլիսի
month-8 = օգոստոսի
month-9 = սեպտեմբերի
month-10 = հոկտեմբերի
month-11 = նոյեմբերի
month-12 = դեկտեմբերի

## Public guidance pages
nav-home = Գլխավոր էջ
breadcrumbs-label = Նավիգացիոն շղթա
topics-heading = Թեմաներ
recent-heading = Վերջին թարմացումներ
recent-empty = Թարմացումներ դեռ չկան։
search-label = Որոնում ուղեցույցներում
search-button = Որոնել
search-title = Որոնում
search-results-count = { $count ->
    [one] «{ $query }» հարցմամբ գտնվել է { $count } ուղեցույց
   *[other] «{ $query }» հարցմամբ գտնվել է { $count } ուղեցույց
}
search-no-results = «{ $query }» հարցմամբ ուղեցույցներ չեն գտնվել։
search-no-results-help = Ստուգեք ուղղագրությունը, փորձեք ավելի քիչ կամ այլ բառեր, կամ դիտեք թեմաները գլխավոր էջում։
search-empty = Մուտքագրեք որոնվող բառը, օրինակ՝ «անձնագիր»։
search-shortened = Ձեր հարցումը երկար էր, ուստի հաշվի են առնվել միայն առաջին բառերը։
topic-guides-heading = Ուղեցույցներ
topic-empty = Այս թեմայում դեռ ուղեցույցներ չկան։
guide-last-updated = Վերջին թարմացումը՝ { $date }
guide-what-changed = Ինչ է փոխվել՝ { $note }
guide-contents = Բովանդակություն
guide-related = Առնչվող ուղեցույցներ
guide-fallback-notice = Այս ուղեցույցը դեռ հասանելի չէ ձեր լեզվով, ուստի այն ցուցադրվում է այլ լեզվով՝ { $language }։
guide-outdated-notice = Այս թարգմանությունը կարող է հնացած լինել։ Բնօրինակ տեքստը ({ $language }) փոխվել է թարգմանությունից հետո։
guide-in-language = Կարդալ հետևյալ լեզվով՝ { $language }
feedback-heading = Այս էջն օգտակա՞ր էր
feedback-yes = Այո
feedback-no = Ոչ
feedback-comment-label = Ինչպե՞ս կարող ենք բարելավել այս էջը (ոչ պարտադիր)
feedback-comment-hint = Մի՛ գրեք ձեր անունը, կոնտակտային տվյալները կամ որևէ անձնական տեղեկություն։ Մենք չենք կարող պատասխանել կարծիքներին։ Խորհրդատուին հարց տալու համար օգտագործեք հարցի ձևը։
feedback-submit = Ուղարկել կարծիքը
feedback-thanks-title = Շնորհակալություն ձեր կարծիքի համար
feedback-thanks-body = Ձեր կարծիքն օգնում է մեզ բարելավել այս ուղեցույցները։
feedback-back = Վերադառնալ «{ $title }» էջ
feedback-error-choice = Ընտրեք «Այո», եթե այս էջն օգտակար էր, կամ «Ոչ», եթե օգտակար չէր
feedback-error-comment-long = Մեկնաբանությունը պետք է լինի առավելագույնը 1000 նիշ
feedback-error-expired = Այս ձևը չափազանց երկար է բաց մնացել։ Խնդրում ենք կրկին ուղարկել ձեր կարծիքը։
feed-title = Homeward – թարմացումներ
feed-link = Թարմացումները լրահոսի տեսքով (Atom)

## Emails
email-greeting = Բարև ձեզ,
email-ack-subject = Մենք ստացել ենք ձեր հարցը
email-ack-body = Շնորհակալություն, որ գրել եք մեզ։ Խորհրդատուն կկարդա ձեր հարցը և կպատասխանի հնարավորինս շուտ, սովորաբար մի քանի աշխատանքային օրվա ընթացքում։
email-ack-check = Հարցն ուղարկելիս ստացած անդորրագրի կոդով կարող եք կարդալ պատասխանները և կրկին գրել մեզ այս էջում՝
email-never-code = Ձեր անվտանգության համար այս նամակում անդորրագրի կոդը նշված չէ։ Մենք երբեք ձեզնից այն չենք խնդրի էլ. փոստով կամ հեռախոսով։
email-free-notice = Այս ծառայությունն անվճար է։ Մենք երբեք ձեզնից գումար կամ գաղտնաբառեր չենք խնդրի։
email-reply-subject = Ձեր հարցին պատասխանել են
email-reply-body = Խորհրդատուն պատասխանել է ձեր հարցին։ Պատասխանը կարդալու համար մուտքագրեք անդորրագրի կոդը այս էջում՝
email-staff-subject = Նոր հարց
email-staff-body = Նոր հարց է ստացվել։ Այն կարդալու համար բացեք աշխատակիցների բաժինը։
email-staff-reference = Գրանցման համար
email-staff-topic = Թեմա
email-staff-language = Պատասխանի լեզու
email-staff-open = Բացել հարցը
email-staff-no-topic = Այլ
email-staff-team = Թիմ
email-staff-handover-subject = Հարցը փոխանցվել է ձեր թիմին
email-staff-handover-body = Ձեր թիմին հարց է փոխանցվել։ Այն կարդալու համար բացեք աշխատակիցների բաժինը։

## Asking a question
contact-link = Հարց տալ
contact-title = Հարց տվեք
contact-lead = Խորհրդատուն կկարդա և կպատասխանի ձեր հարցին։ Պարտադիր չէ նշել ձեր անունը կամ կոնտակտային տվյալները։
contact-topic-label = Ինչի՞ մասին է ձեր հարցը
contact-topic-other = Այլ
contact-region-label = Ո՞ր տարածաշրջանին է վերաբերում ձեր հարցը (ոչ պարտադիր)
contact-region-hint = Սա կօգնի մեզ ձեր հարցը փոխանցել այն թիմին, որը ծանոթ է տեղի հաստատություններին։
contact-region-none = Չգիտեմ կամ չեմ ցանկանում նշել
contact-message-label = Ձեր հարցը
contact-message-hint = Նկարագրեք ձեր իրավիճակը սեփական բառերով։ Մի՛ գրեք գաղտնաբառեր կամ բանկային տվյալներ։
contact-lang-label = Ո՞ր լեզվով պատասխանենք ձեզ
contact-method-legend = Ինչպե՞ս պատասխանենք ձեզ
contact-method-email = Էլ. փոստով
contact-method-phone = Հեռախոսով
contact-method-receipt = Պատասխանը կստուգեմ այս կայքում՝ իմ անդորրագրի կոդով
contact-method-receipt-hint = Այս դեպքում մեզ ձեր կոնտակտային տվյալները պետք չեն։
contact-details-heading = Ձեր տվյալները (ոչ պարտադիր)
contact-details-hint = Նշեք միայն այն, ինչ մեզ պետք է ձեզ պատասխանելու համար։ Եթե ընտրել եք էլ. փոստը կամ հեռախոսը, մեզ պետք է համապատասխան հասցեն կամ համարը։
contact-name-label = Անուն (ոչ պարտադիր)
contact-email-label = Էլ. փոստի հասցե (ոչ պարտադիր)
contact-phone-label = Հեռախոսահամար (ոչ պարտադիր)
contact-consent-label = Ես կարդացել եմ «Գաղտնիություն» էջը և համաձայն եմ, որ իմ հարցը պահվի այնտեղ նկարագրված կարգով։
contact-consent-link = Կարդալ «Գաղտնիություն» էջը
contact-submit = Ուղարկել հարցը
contact-error-topic = Ընտրեք թեման ցանկից
contact-error-region = Ընտրեք տարածաշրջանը ցանկից կամ «Չգիտեմ»
contact-error-message-empty = Գրեք ձեր հարցը
contact-error-message-long = Հարցը պետք է լինի առավելագույնը 5000 նիշ
contact-error-lang = Ընտրեք պատասխանի լեզուն
contact-error-method = Ընտրեք, թե ինչպես պատասխանենք ձեզ
contact-error-name-long = Անունը պետք է լինի առավելագույնը 100 նիշ
contact-error-email-invalid = Մուտքագրեք էլ. փոստի հասցեն ճիշտ ձևաչափով, օրինակ՝ name@example.org
contact-error-email-needed = Մուտքագրեք ձեր էլ. փոստի հասցեն կամ ընտրեք պատասխանի այլ եղանակ
contact-error-phone-invalid = Մուտքագրեք հեռախոսահամարը՝ օգտագործելով միայն թվանշաններ, բացատներ և + ( ) - նշանները
contact-error-phone-needed = Մուտքագրեք ձեր հեռախոսահամարը կամ ընտրեք պատասխանի այլ եղանակ
contact-error-consent = Նշեք վանդակը՝ համաձայնելու, որ ձեր հարցը պահվի
contact-error-expired = Այս ձևը չափազանց երկար է բաց մնացել կամ չափազանց արագ է ուղարկվել։ Ստուգեք ձեր հարցը և նորից ուղարկեք այն։
contact-error-reused = Այս ձևն արդեն օգտագործվել է մեկ այլ հարցի համար։ Ստուգեք ձեր հարցը և նորից ուղարկեք այն։
sent-title = Ձեր հարցն ուղարկվել է
sent-code-label = Ձեր անդորրագրի կոդը
sent-code-hint = Գրի առեք այս կոդը կամ տպեք այս էջը։ Այն ձեզ պետք կլինի մեր պատասխանը կարդալու համար։ Մենք չենք կարող այն կրկին ցույց տալ ձեզ և երբեք ձեզնից այն չենք խնդրի։
sent-next-heading = Ինչ կլինի հետո
sent-next-email = Երբ պատասխան լինի, մենք ձեզ նամակ կուղարկենք էլ. փոստով։ Նամակում ձեր հարցը և կոդը նշված չեն լինի։
sent-next-phone = Խորհրդատուն կզանգահարի ձեզ։
sent-next-receipt = Պատասխանը կարդալու համար վերադարձեք այս կայք և մուտքագրեք ձեր անդորրագրի կոդը։
sent-status-link = Ստուգել հարցի կարգավիճակը
status-title = Ստուգեք ձեր հարցի կարգավիճակը
status-lead = Մուտքագրեք անդորրագրի կոդը, որը ստացել եք հարցն ուղարկելիս։
status-code-label = Անդորրագրի կոդ
status-code-hint = Օրինակ՝ K7QM-4XPD-9TBW-2HNC
status-submit = Ցույց տալ իմ հարցը
status-not-found = Այս կոդով հարց չգտանք։ Ստուգեք, որ այն մուտքագրել եք ճիշտ այնպես, ինչպես ցուցադրվել էր։
status-heading = Ձեր հարցը
status-handled-by = Ձեր հարցով զբաղվում է
status-state-label = Կարգավիճակ
status-new = Ստացված
status-in_progress = Ընթացքում
status-answered = Պատասխանված
status-closed = Փակված
status-you = Դուք գրել եք
status-caseworker = Խորհրդատու
status-followup-label = Կրկին գրեք մեզ
status-followup-hint = Ավելացրեք տեղեկություններ կամ տվեք ևս մեկ հարց նույն թեմայով։
status-followup-submit = Ուղարկել հաղորդագրությունը
status-followup-sent = Ձեր հաղորդագրությունն ուղարկվել է։
status-error-followup-empty = Գրեք հաղորդագրություն
status-error-followup-long = Հաղորդագրությունը պետք է լինի առավելագույնը 5000 նիշ

## Staff area: signing in
staff-nav-label = Աշխատակիցների ընտրացանկ
staff-nav-queue = Հարցեր
staff-nav-replies = Պատրաստի պատասխաններ
staff-nav-users = Աշխատակիցների հաշիվներ
staff-nav-teams = Թիմեր
staff-nav-audit = Գործողությունների մատյան
staff-nav-account = Ձեր հաշիվը
staff-sign-out = Դուրս գալ
staff-login-title = Մուտք Homeward-ի աշխատակիցների բաժին
staff-login-lead = Այս բաժինը նախատեսված է մասնագետների, խմբագիրների և ադմինիստրատորների համար։
staff-login-submit = Մուտք գործել
staff-login-forgot = Մոռացե՞լ եք գաղտնաբառը
staff-signed-out = Դուք դուրս եք եկել համակարգից։
staff-sign-in-needed = Շարունակելու համար մուտք գործեք։ Եթե արդեն մուտք էիք գործել, ձեր մուտքն ինքնաբերաբար ավարտվել է, քանի որ որոշ ժամանակ ակտիվ չէիք։
staff-error-email-empty = Մուտքագրեք ձեր էլ. փոստի հասցեն
staff-error-password-empty = Մուտքագրեք ձեր գաղտնաբառը
staff-error-credentials = Էլ. փոստի հասցեն կամ գաղտնաբառը սխալ է
staff-error-throttled = Չափազանց շատ անհաջող փորձեր։ Ձեր անվտանգության համար սպասեք 15 րոպե և նորից փորձեք։
staff-code-title = Մուտքագրեք անվտանգության կոդը
staff-code-label = Անվտանգության կոդ
staff-code-hint = 6 թվանշանից բաղկացած կոդը ձեր նույնականացման հավելվածից կամ ձեր վերականգնման կոդերից մեկը։
staff-code-submit = Շարունակել
staff-code-cancel = Չեղարկել և դուրս գալ
staff-error-code = Կոդը սխալ է կամ արդեն օգտագործվել է։ Մուտքագրեք հավելվածում ցուցադրվող ընթացիկ կոդը։
staff-back-to-login = Վերադառնալ մուտքի էջ
staff-back-to-start = Անցնել աշխատակիցների բաժնի սկիզբ
staff-refused-origin-title = Այս ձևը չի ուղարկվել այս կայքից
staff-refused-origin-body = Ձեր անվտանգության համար աշխատակիցների ձևերն ընդունվում են միայն այս կայքի էջերից։ Վերադարձեք, թարմացրեք էջը և նորից փորձեք։
staff-refused-csrf-title = Այս ձևի ժամկետն անցել է
staff-refused-csrf-body = Էջը չափազանց երկար է բաց մնացել, կամ այդ ընթացքում դուք նորից մուտք եք գործել։ Վերադարձեք, թարմացրեք էջը և նորից փորձեք։ Նախ պատճենեք այն ամենը, ինչ մուտքագրել էիք։
staff-reset-title = Գաղտնաբառի վերականգնում
staff-reset-lead = Մուտքագրեք ձեր աշխատակցի հաշվի էլ. փոստի հասցեն։ Եթե այդ հասցեով հաշիվ կա, մենք դրան կուղարկենք հղում՝ նոր գաղտնաբառ ընտրելու համար։
staff-reset-submit = Ուղարկել հղումը
staff-reset-sent-title = Ստուգեք ձեր էլ. փոստը
staff-reset-sent-body = Եթե այս հասցեն պատկանում է աշխատակցի հաշվի, մենք դրան ուղարկել ենք հղում՝ նոր գաղտնաբառ ընտրելու համար։ Հղումը գործում է մեկ ժամ և միայն մեկ անգամ։
staff-reset-sent-help = Եթե մի քանի րոպեի ընթացքում նամակ չստանաք, ստուգեք «Սպամ» թղթապանակը կամ դիմեք ադմինիստրատորին։
staff-reset-invalid-title = Այս հղումը հնարավոր չէ օգտագործել
staff-reset-invalid-body = Հղման ժամկետն անցել է, կամ այն արդեն օգտագործվել է։ Նոր հղում խնդրեք մուտքի էջից։
staff-new-password-title = Ընտրեք նոր գաղտնաբառ
staff-new-password-label = Նոր գաղտնաբառ
staff-new-password-submit = Պահպանել նոր գաղտնաբառը
staff-reset-done-title = Ձեր գաղտնաբառը փոխվել է
staff-reset-done-body = Դուք դուրս եք եկել բոլոր սարքերից։ Մուտք գործեք նոր գաղտնաբառով։
staff-error-password-common = Այս գաղտնաբառը չափազանց տարածված է կամ հեշտ է գուշակել։ Ընտրեք ավելի երկար արտահայտություն, որը ուրիշ տեղ չեք օգտագործում։

## Staff area: account
staff-account-title = Ձեր հաշիվը
staff-account-roles = Դերեր
staff-role-caseworker = Մասնագետ
staff-role-editor = Խմբագիր
staff-role-admin = Ադմինիստրատոր
staff-account-language = Լեզու
staff-account-language-label = Աշխատակիցների էջերի և ձեր նամակների լեզուն
staff-save = Պահպանել
staff-done-language = Ձեր լեզուն պահպանվել է։
staff-account-password = Գաղտնաբառ
staff-current-password-label = Ընթացիկ գաղտնաբառ
staff-password-change-hint = Փոփոխությունից հետո դուք դուրս կգաք բոլոր սարքերից և պետք է նորից մուտք գործեք նոր գաղտնաբառով։
staff-password-change = Փոխել գաղտնաբառը
staff-done-password = Ձեր գաղտնաբառը փոխվել է։
staff-error-current-password = Ընթացիկ գաղտնաբառը սխալ է
staff-account-2fa = Երկքայլ մուտք
staff-2fa-on = Երկքայլ մուտքը միացված է
staff-2fa-off = Երկքայլ մուտքն անջատված է։ Միացրեք այն, որպեսզի միայն գողացված գաղտնաբառով հնարավոր չլինի բացել ձեր հաշիվը։
staff-2fa-enable = Կարգավորել երկքայլ մուտքը
staff-2fa-codes-left = { $count ->
    [one] Դուք ունեք { $count } չօգտագործված վերականգնման կոդ։
   *[other] Դուք ունեք { $count } չօգտագործված վերականգնման կոդ։
}
staff-2fa-disable-label = Երկքայլ մուտքն անջատելու համար մուտքագրեք ընթացիկ կոդը
staff-2fa-disable = Անջատել երկքայլ մուտքը
staff-2fa-required-hint = Այս ծառայությունում ադմինիստրատորները պարտավոր են օգտագործել երկքայլ մուտք։
staff-error-2fa-required = Ադմինիստրատորները պետք է երկքայլ մուտքը միացված պահեն
staff-done-2fa-off = Երկքայլ մուտքն անջատվել է։
staff-2fa-setup-title = Կարգավորեք երկքայլ մուտքը
staff-2fa-required = Ադմինիստրատորները պարտավոր են օգտագործել երկքայլ մուտք։ Շարունակելու համար կարգավորեք այն։
staff-2fa-step-app = Տեղադրեք նույնականացման հավելված ձեր հեռախոսում, եթե դեռ չունեք։
staff-2fa-step-scan = Սկանավորեք այս կոդը հավելվածով։
staff-2fa-qr-label = QR կոդ՝ Homeward-ը ձեր նույնականացման հավելվածում ավելացնելու համար
staff-2fa-step-type = Եթե չեք կարողանում սկանավորել, մուտքագրեք այս բանալին հավելվածում՝
staff-2fa-step-code = Մուտքագրեք հավելվածում ցուցադրվող 6 թվանշանից բաղկացած կոդը։
staff-2fa-confirm = Միացնել երկքայլ մուտքը
staff-recovery-title = Երկքայլ մուտքը միացված է
staff-recovery-lead = Պահեք այս վերականգնման կոդերն ապահով տեղում՝ ձեր հեռախոսից առանձին։ Եթե կորցնեք հեռախոսը, յուրաքանչյուր կոդով կարող եք մեկ անգամ մուտք գործել։
staff-recovery-once = Այս կոդերը ցուցադրվում են միայն այս մեկ անգամ։
staff-continue = Շարունակել
staff-account-sessions = Ձեր ակտիվ մուտքերը
staff-session-started = Մուտքի ժամանակը
staff-session-last-seen = Վերջին ակտիվությունը
staff-session-this = Այս դիտարկիչը
staff-sign-out-everywhere = Դուրս գալ բոլոր սարքերից
staff-done-sessions = Դուք դուրս եք եկել մնացած բոլոր սարքերից։

## Staff area: inquiries
staff-queue-title = Հարցեր
staff-filters = Հարցերի զտում
staff-filter-open = Բաց (չփակված)
staff-filter-all = Բոլորը
staff-filter-any = Ցանկացած
staff-filter-anyone = Ցանկացած աշխատակից
staff-filter-mine = Ինձ հանձնարարված
staff-filter-unassigned = Չհանձնարարված
staff-filter-overdue = Միայն ժամկետանց
staff-filter-apply = Կիրառել զտիչները
staff-queue-count = { $count ->
    [one] { $count } հարց
   *[other] { $count } հարց
}
staff-queue-empty = Այս զտիչներին համապատասխանող հարցեր չկան։
staff-export-csv = Ներբեռնել CSV ձևաչափով (առանց անձնական տվյալների)
staff-col-reference = Գրանցման համար
staff-col-status = Կարգավիճակ
staff-col-topic = Թեմա
staff-col-language = Լեզու
staff-col-assignee = Պատասխանատու
staff-col-age = Տևողություն
staff-status-new = Նոր
staff-status-in_progress = Ընթացքում
staff-status-answered = Պատասխանված
staff-status-closed = Փակված
staff-age-days = { $count ->
    [0] այսօր
    [one] { $count } օր
   *[other] { $count } օր
}
staff-late-acknowledge = Ժամանակին չի վերցվել աշխատանքի
staff-late-answer = Պատասխանի ժամկետն անցել է
staff-overdue = Ժամկետանց
staff-unassigned = Չհանձնարարված
staff-col-team = Թիմ
staff-col-region = Տարածաշրջան
staff-no-team = Առանց թիմի
staff-filter-any-team = Ցանկացած թիմ
staff-filter-my-teams = Իմ թիմերը
staff-filter-no-team = Առանց թիմի
staff-handover-label = Թիմ
staff-handover-hint = Փոխանցեք հարցը մեկ այլ թիմի, եթե այն կարող է ավելի լավ պատասխանել։ Թիմը նամակ կստանա, իսկ հարցը կմնա ընդհանուր ցանկում։
staff-handover = Փոխանցել
staff-done-team = Հարցը փոխանցվել է ձեր ընտրած թիմին։
staff-topic-none = Առանց թեմայի
staff-pages = Էջեր
staff-page-previous = Նախորդ էջ
staff-page-next = Հաջորդ էջ
staff-page-of = Էջ { $page }
staff-safeguarding-tag = Վտանգի ազդանշան
staff-back-to-queue = Վերադառնալ հարցերին
staff-case-title = Հարց { $reference }
staff-safeguarding-raised = Այս հարցի համար տրվել է վտանգի ազդանշան՝ անձը կարող է վտանգի տակ լինել։ Պաշտպանության պատասխանատուն տեղեկացվել է։
staff-answer-language = Պատասխանի լեզու
staff-contact-method = Պատասխանի եղանակ
staff-method-email = Էլ. փոստ
staff-method-phone = Հեռախոս
staff-method-receipt = Կստուգի կայքում՝ անդորրագրի կոդով
staff-contact-name = Անուն
staff-contact-email = Էլ. փոստ
staff-contact-phone = Հեռախոս
staff-thread = Հաղորդագրություններ
staff-from-inquirer = Հարց տվող
staff-from-staff = Մասնագետ
staff-reply-title = Պատասխան
staff-canned-label = Սկսել պատրաստի պատասխանից
staff-canned-use = Օգտագործել այս պատասխանը
staff-reply-label = Ձեր պատասխանը (լեզուն՝ { $language })
staff-reply-hint-email = Հարց տվողը ձեր պատասխանը կկարդա կարգավիճակի էջում և նամակ կստանա, որ պատասխան կա։ Նամակում ձեր պատասխանը չի լինի։
staff-reply-hint-status = Հարց տվողը ձեր պատասխանը կկարդա կարգավիճակի էջում՝ իր անդորրագրի կոդով։
staff-reply-send = Ուղարկել պատասխանը
staff-error-reply-empty = Գրեք պատասխանը
staff-error-text-long = Տեքստը պետք է լինի առավելագույնը 20 000 նիշ
staff-done-reply = Ձեր պատասխանն ուղարկվել է։
staff-notes = Ներքին նշումներ
staff-notes-hint = Նշումները միայն աշխատակիցների համար են։ Հարց տվողը դրանք երբեք չի տեսնում։
staff-note-label = Նոր նշում
staff-note-add = Ավելացնել նշում
staff-error-note-empty = Գրեք նշումը
staff-done-note = Ձեր նշումն ավելացվել է։
staff-actions = Գործողություններ
staff-assign = Հանձնարարել
staff-assign-nobody = Ոչ ոքի
staff-done-assign = Հանձնարարումը պահպանվել է։
staff-status-change = Փոխել կարգավիճակը
staff-done-status = Կարգավիճակը փոխվել է։
staff-gap-label = Բովանդակության պակաս
staff-gap-hint = Եթե որևէ ուղեցույց պետք է պատասխաներ այս հարցին, նշեք այն, որպեսզի խմբագիրներն իմանան՝ ինչ բարելավել։
staff-gap-none = Բովանդակության պակաս չկա
staff-gap-save = Պահպանել բովանդակության պակասը
staff-done-gap = Բովանդակության պակասը պահպանվել է։
staff-safeguarding = Վտանգի ազդանշան
staff-safeguarding-hint = Տվեք վտանգի ազդանշան, եթե անձը կարող է վտանգի տակ լինել։ Պաշտպանության պատասխանատուն անմիջապես նամակ կստանա։
staff-safeguarding-raise = Տալ վտանգի ազդանշան
staff-safeguarding-clear = Հանել վտանգի ազդանշանը
staff-done-flag = Վտանգի ազդանշանի փոփոխությունը պահպանվել է։
staff-data-request = Անձնական տվյալների վերաբերյալ հարցումներ
staff-export-json = Արտահանել բոլոր պահված տվյալները (JSON)
staff-erase = Ջնջել այս հարցը
staff-erase-title = Ջնջել այս հարցը
staff-erase-warning = Սա ամենուր կջնջի { $reference } հարցը՝ կոնտակտային տվյալները, հաղորդագրությունները, նշումները և նամակները։ Կմնա միայն գրառում՝ առանց անձնական տվյալների։ Այս գործողությունը հնարավոր չէ հետարկել։
staff-erase-confirm = Ջնջել վերջնականապես
staff-erase-cancel = Չեղարկել
staff-erased-title = Հարցը ջնջվել է
staff-erased-body = { $reference } հարցը ջնջվել է։ Գործողությունների մատյանում գրանցված է, որ դա արել եք դուք։
staff-canned-title = Պատրաստի պատասխաններ
staff-canned-lead = Պատրաստի տեքստեր, որոնցից կարող եք սկսել ձեր պատասխանը։ Յուրաքանչյուրը մեկ լեզվով է։ Հարցի էջում առաջարկվում են հարց տվողի լեզվով պատասխանները։
staff-canned-none = Պատրաստի պատասխաններ դեռ չկան։
staff-canned-name = Անվանում
staff-canned-text = Տեքստ
staff-canned-delete = Ջնջել
staff-canned-add = Ավելացնել պատրաստի պատասխան
staff-canned-guide = Հղում ուղեցույցին
staff-canned-guide-hint = Վերջում կավելացվի ուղեցույցի հասցեն՝ պատասխանի լեզվով։
staff-canned-no-guide = Առանց ուղեցույցի
staff-canned-save = Պահպանել պատրաստի պատասխանը
staff-error-canned-title = Մուտքագրեք անվանում՝ առավելագույնը 200 նիշ
staff-error-canned-body = Մուտքագրեք տեքստը՝ առավելագույնը 20 000 նիշ

## Admin: accounts and audit
admin-users-title = Աշխատակիցների հաշիվներ
admin-user-state = Վիճակ
admin-user-active = Ակտիվ
admin-user-disabled = Անջատված
admin-roles-of = Դերերը՝ { $email }
admin-save-roles = Պահպանել դերերը
admin-disable = Անջատել
admin-enable = Միացնել
admin-done-invited = Հրավերն ուղարկվել է։
admin-done-roles = Դերերը պահպանվել են։
admin-done-disabled = Հաշիվն անջատվել է, և նրա բոլոր մուտքերն ավարտվել են։
admin-done-enabled = Հաշիվը միացվել է։
admin-invite-title = Հրավիրել աշխատակից
admin-invite-lead = Մենք նրան նամակով կուղարկենք հղում՝ հաշիվ ստեղծելու համար։ Հղումը գործում է մեկ անգամ, և դրա ժամկետը լրանում է 24 ժամից։
admin-invite-send = Ուղարկել հրավերը
admin-error-roles = Ընտրեք առնվազն մեկ դեր
admin-audit-title = Գործողությունների մատյան
admin-audit-lead = Ով ինչ է արել և երբ։ Մատյանում երբեք չի պահվում հարցերի բովանդակությունը։ Նորերը ցուցադրվում են սկզբում։
admin-audit-action = Գործողություն
admin-audit-actor = Աշխատակից
admin-audit-record = Օբյեկտ
admin-audit-when = Երբ
admin-audit-detail = Մանրամասներ
admin-audit-empty = Համապատասխան գրառումներ չկան։

## Staff emails
email-staff-greeting = Բարև ձեզ,
email-staff-no-details = Գաղտնիության նպատակով այս նամակում անձնական տվյալներ և հաղորդագրությունների տեքստ չկան։ Դրանք կարդալու համար մուտք գործեք։
email-link-expires-minutes = Հղումը գործում է մեկ անգամ՝ { $minutes } րոպեի ընթացքում։
email-link-expires-hours = Հղումը գործում է մեկ անգամ՝ { $hours } ժամվա ընթացքում։
email-reset-subject = Homeward-ի աշխատակցի գաղտնաբառի վերականգնում
email-reset-body = Ինչ-որ մեկը խնդրել է վերականգնել Homeward-ում ձեր աշխատակցի հաշվի գաղտնաբառը։ Նոր գաղտնաբառ ընտրելու համար բացեք այս հղումը՝
email-reset-ignore = Եթե դա դուք չէիք, պարզապես անտեսեք այս նամակը։ Ձեր գաղտնաբառը չի փոխվի։
email-invite-subject = Հրավեր Homeward-ի աշխատակիցների բաժին
email-invite-body = Ձեզ հրավիրել են միանալու Homeward-ի աշխատակիցներին։ Ձեր հաշիվը ստեղծելու համար բացեք այս հղումը՝
email-invite-ignore = Եթե նման նամակ չէիք սպասում, պարզապես անտեսեք այն։
email-safeguarding-subject = Վտանգի ազդանշան { $reference } հարցի վերաբերյալ
email-safeguarding-body = Մասնագետը վտանգի ազդանշան է տվել { $reference } հարցի վերաբերյալ։ Խնդրում ենք անմիջապես դիտել այն՝
email-digest-subject = { $count ->
    [one] Այսօր դուք ունեք { $count } բաց հարց
   *[other] Այսօր դուք ունեք { $count } բաց հարց
}
email-digest-body = { $count ->
    [one] Դուք ունեք { $count } բաց հարց։
   *[other] Դուք ունեք { $count } բաց հարց։
}
email-digest-overdue = { $count ->
    [one] Դրանցից { $count }-ը ժամկետանց է։
   *[other] Դրանցից { $count }-ը ժամկետանց է։
}
email-digest-queue = Բացել ձեր հարցերի ցանկը՝

## Content administration
staff-nav-content = Բովանդակություն
staff-nav-translations = Թարգմանություններ
admin-content-title = Բովանդակություն
admin-content-lead = Բոլոր ուղեցույցները, դրանց վիճակը յուրաքանչյուր լեզվով և ստուգման ամսաթիվը։ Թարգմանությունը պահպանելիս ստեղծվում է նոր տարբերակ։ Հրապարակումն անմիջապես փոխում է կայքը բոլորի համար։
admin-translations-title = Թարգմանություններ
admin-guide = Ուղեցույց
admin-guide-state = Վիճակ
admin-review-by = Ստուգել մինչև
admin-review-due = Պետք է ստուգել
admin-published = Հրապարակված
admin-draft = Սևագիր
admin-publish = Հրապարակել
admin-unpublish = Հանել հրապարակումից
admin-edit = Խմբագրել
admin-state-missing = Տեքստ չկա
admin-state-outdated = Հնացած
admin-state-current = Արդիական
admin-done-published = Ուղեցույցը հրապարակվել է։
admin-done-unpublished = Ուղեցույցը հանվել է հրապարակումից։
admin-done-reviewed = Հաստատվել է, որ ուղեցույցը ճիշտ է։ Հաջորդ ստուգումը մեկ տարի հետո է։
admin-coverage = Ծածկույթ ըստ լեզուների
admin-coverage-percent = Արդիական
admin-translations-grid = Ուղեցույցներ և լեզուներ
admin-review-title = Ուղեցույցներ, որոնց ստուգման ժամկետն անցել է
admin-review-none = Ստուգման ժամկետն անցած ուղեցույցներ չկան։
admin-review-confirm = Դեռ ճիշտ է բոլոր լեզուներով
admin-editor-title = Խմբագրում ({ $language })
admin-back-to-content = Վերադառնալ բովանդակությանը
admin-back-to-editor = Վերադառնալ խմբագրիչին
admin-revisions = Տարբերակներ
admin-view-public = Դիտել էջը կայքում
admin-conflict-title = Մինչ դուք խմբագրում էիք, մեկ ուրիշը պահպանել է այս թարգմանությունը
admin-conflict-body = Նրա պահպանած տեքստը ներքևում է։ Ձեր տեքստը դեռ ձևի մեջ է։ Համեմատեք դրանք, միավորեք անհրաժեշտը և նորից պահպանեք։
admin-error-conflict = Մեկ ուրիշն ավելի շուտ է պահպանել այս թարգմանությունը։ Նախքան ձերը պահպանելը՝ ստուգեք նրա տեքստը։
admin-field-title = Վերնագիր
admin-field-summary = Ամփոփում
admin-field-body = Տեքստ
admin-field-body-hint = Markdown՝ ## վերնագրերի համար, - ցանկերի համար, [տեքստ](հասցե) հղումների համար։ Սեղմեք «Նախադիտում»՝ էջը տեսնելու այնպես, ինչպես այն կտեսնեն ընթերցողները։
admin-change-kind = Փոփոխության տեսակ
admin-change-minor = Աննշան փոփոխություն
admin-change-minor-hint = Տառասխալներ, ձևակերպումներ։ Ընթերցողներին չի տեղեկացվում, և մյուս լեզուները մնում են արդիական։
admin-change-major = Էական փոփոխություն
admin-change-major-hint = Մի բան, որ ընթերցողները պետք է իմանան։ Փոփոխության նկարագրությունը հրապարակվում է։ Եթե սա բնօրինակի լեզուն է, մյուս լեզուները նշվում են որպես հնացած։
admin-field-change-note = Փոփոխության նկարագրություն
admin-preview = Նախադիտում
admin-save = Պահպանել
admin-preview-heading = Նախադիտում
admin-source = Բնօրինակ ({ $language })
admin-source-hint = Թարգմանվող տեքստը։ Միայն կարդալու համար։
admin-source-is-this = Սա բնօրինակի լեզուն է։ Թարգմանությունները կատարվում են այս տեքստից։
admin-source-missing = Բնօրինակ տեքստ դեռ չկա։
admin-done-saved = Պահպանվել է որպես տարբերակ { $revision }։
admin-unchanged = Ոչինչ չի փոխվել, ուստի ոչինչ չի պահպանվել։
admin-error-title = Մուտքագրեք վերնագիր՝ առավելագույնը 200 նիշ
admin-error-summary = Ամփոփումը պետք է լինի առավելագույնը 500 նիշ
admin-error-body = Մուտքագրեք տեքստը՝ առավելագույնը 100 000 նիշ
admin-error-change-note = Մուտքագրեք էական փոփոխության նկարագրությունը
admin-diff-from = Սկզբնական տարբերակ
admin-diff-to = Վերջնական տարբերակ
admin-diff-show = Համեմատել
admin-diff-title = Փոփոխություններ
admin-revision-list = Բոլոր տարբերակները
admin-rollback = Վերադառնալ այս տարբերակին
error-410-title = Այս ուղեցույցը հանվել է հրապարակումից
error-410-body = Այս էջի տեղեկությունն այլևս չի տրամադրվում։ Սովորաբար դա նշանակում է, որ այն հնացել է։ Արդիական ուղեցույցներ գտեք գլխավոր էջում կամ որոնման միջոցով։

## Admin: outbox, feedback, second factor reset
staff-nav-outbox = Էլ. փոստ
staff-nav-feedback = Կարծիքներ
admin-reset-2fa = Զրոյացնել երկքայլ մուտքը
admin-done-2fa-reset = Երկքայլ մուտքը զրոյացվել է, և աշխատակիցը դուրս է բերվել համակարգից։ Նորից մուտք գործելուց հետո նա կարող է կրկին կարգավորել այն։
admin-outbox-title = Ուղարկվող նամակներ
admin-outbox-lead = Դեռ չառաքված նամակները։ Սկզբում ցուցադրվում են չհաջողվածները։ Հասցեները մասամբ թաքցված են։ Չհաջողված նամակը կարելի է նորից ուղարկել։
admin-outbox-empty = Բոլոր նամակներն առաքվել են։
admin-outbox-kind = Տեսակ
admin-outbox-to = Ստացող
admin-outbox-attempts = Փորձեր
admin-outbox-error = Վերջին սխալը
admin-outbox-retry = Նորից ուղարկել
admin-done-retry = Նամակը շուտով նորից կուղարկվի։
admin-mail-queued = Սպասում է
admin-mail-sending = Ուղարկվում է
admin-mail-retrying = Կուղարկվի նորից
admin-mail-failed = Չհաջողվեց
admin-mail-sent = Առաքվել է
admin-feedback-title = Կարծիքներ
admin-feedback-lead = Ինչ են ընթերցողները գրել ուղեցույցների մասին, ինչ են որոնել և չեն գտել, և որ ուղեցույցները, ըստ մասնագետների, պետք է պատասխանեին հարցին։
admin-feedback-guides = Այս էջն օգտակա՞ր էր
admin-feedback-yes = Այո
admin-feedback-no = Ոչ
admin-feedback-comments = Վերջին մեկնաբանությունները
admin-feedback-none = Դեռ ոչինչ չկա։
admin-feedback-misses = Որոնումներ առանց արդյունքի
admin-feedback-search = Հարցում
admin-feedback-times = Քանի անգամ
admin-feedback-last = Վերջին անգամ
admin-feedback-gaps = Մասնագետների նշած բովանդակության պակասները

## Content administration: guides and topics
admin-new-guide = Նոր ուղեցույց
admin-new-guide-lead = Գրեք առաջին տարբերակը բնօրինակի լեզվով ({ $language })։ Ուղեցույցը սկզբում սևագիր է։ Երբ այն պատրաստ լինի, հրապարակեք այն «Բովանդակություն» ցանկից։
admin-new-topic = Նոր թեմա
admin-edit-topic = Խմբագրել թեման
admin-guide-settings = Կարգավորումներ
admin-field-slug = Վեբ հասցեի անուն
admin-field-slug-hint = Փոքրատառ լատինական տառեր a–z, թվանշաններ և գծիկներ, օրինակ՝ birth-certificates։ Հետագայում այն հնարավոր չէ փոխել։
admin-create-draft = Ստեղծել սևագիր
admin-error-slug = Մուտքագրեք վեբ հասցեի անուն՝ փոքրատառ լատինական տառերից, թվանշաններից և գծիկներից
admin-error-slug-taken = Վեբ հասցեի այս անունն արդեն օգտագործվում է
admin-field-position = Հերթականություն
admin-field-position-hint = Թիվ։ Որքան փոքր է թիվը, այնքան վերևում է ցուցադրվում։
admin-field-date-hint = Օրինակ՝ 2027-06-30։
admin-field-replacement = Ո՞ւր ուղղորդել ընթերցողներին, եթե ուղեցույցը հանվի հրապարակումից
admin-field-replacement-hint = Երբ այս ուղեցույցը հանվի հրապարակումից, այն բացող ընթերցողները կուղղորդվեն ընտրված ուղեցույցին՝ փոխանակ տեղեկանալու, որ այն հանվել է հրապարակումից։
admin-replacement-none = Ոչ մի տեղ՝ հայտնել, որ ուղեցույցը հանվել է հրապարակումից
admin-error-position = Մուտքագրեք ամբողջ թիվ՝ 0-ից մինչև 10 000
admin-error-date = Մուտքագրեք ամսաթիվ այս ձևաչափով՝ 2027-06-30
admin-done-settings = Կարգավորումները պահպանվել են։
admin-done-topic = Թեման պահպանվել է։

## Admin: settings
staff-nav-settings = Կարգավորումներ
admin-settings-title = Կարգավորումներ
admin-settings-lead = Այստեղ կատարված փոփոխություններն անմիջապես գործում են բոլոր սերվերներում և գերակա են կազմաձևման ֆայլի նկատմամբ։ Մի քանի հասցե կամ լեզու բաժանեք ստորակետերով։
admin-setting-was = (Կազմաձևման ֆայլում նշված է՝ { $value })
admin-setting-languages = Միացված լեզուներ
admin-setting-hint-languages = Լեզուների կոդեր, օրինակ՝ en, hy, az, ru։ Հիմնական լեզուն միշտ միացված է մնում։
admin-setting-staff_notify = Ո՞ւմ տեղեկացնել նոր հարցերի մասին
admin-setting-hint-staff_notify = Էլ. փոստի հասցեներ։ Նամակում անձնական տվյալներ չկան։
admin-setting-protection_lead = Պաշտպանության պատասխանատու
admin-setting-hint-protection_lead = Էլ. փոստի հասցեներ, որոնք անմիջապես նամակ են ստանում, երբ մասնագետը վտանգի ազդանշան է տալիս։
admin-setting-retention_days = Քանի՞ օր պահել փակված հարցերը
admin-setting-hint-retention_days = Այս ժամկետից հետո փակված հարցը ջնջվում է, և մնում է միայն գրառում՝ առանց անձնական տվյալների։
admin-setting-acknowledge_days = Քանի՞ օրում վերցնել նոր հարցն աշխատանքի
admin-setting-hint-acknowledge_days = Այս ժամկետում աշխատանքի չվերցված հարցերը հարցերի ցանկում նշվում են որպես ժամկետանց։
admin-setting-answer_days = Քանի՞ օրում պատասխանել հարցին
admin-setting-hint-answer_days = Այս ժամկետում չպատասխանված հարցերը նշվում են որպես ժամկետանց հարցերի ցանկում և օրական ամփոփ նամակում։
admin-setting-require_admin_2fa = Ադմինիստրատորները պարտավոր են օգտագործել երկքայլ մուտք
admin-setting-hint-require_admin_2fa = Առանց երկքայլ մուտքի ադմինիստրատորը կարող է միայն կարգավորել այն։
admin-setting-quick_exit_url = Ո՞ւր է տանում «Արագ լքել կայքը» կոճակը
admin-setting-hint-quick_exit_url = Անվնաս, տարածված կայք, օրինակ՝ եղանակի կամ լուրերի կայք։
admin-setting-error-languages = Մուտքագրեք այն լեզուների կոդերը, որոնց համար թարգմանություն կա, ներառյալ հիմնական լեզուն
admin-setting-error-staff_notify = Մուտքագրեք էլ. փոստի հասցեներ name@example.org ձևաչափով՝ բաժանված ստորակետերով
admin-setting-error-protection_lead = Մուտքագրեք էլ. փոստի հասցեներ name@example.org ձևաչափով՝ բաժանված ստորակետերով
admin-setting-error-retention_days = Մուտքագրեք օրերի ամբողջ թիվ՝ 1-ից մինչև 36 500
admin-setting-error-acknowledge_days = Մուտքագրեք օրերի ամբողջ թիվ՝ 1-ից մինչև 365
admin-setting-error-answer_days = Մուտքագրեք օրերի ամբողջ թիվ՝ 1-ից մինչև 365
admin-setting-error-require_admin_2fa = Ընտրեք՝ արդյոք ադմինիստրատորները պարտավոր են օգտագործել երկքայլ մուտք
admin-setting-error-quick_exit_url = Մուտքագրեք https://-ով սկսվող վեբ հասցե

## Where to get help (services directory)
services-title = Որտեղ ստանալ օգնություն
services-lead = Հաստատություններ և կազմակերպություններ, որոնք օգնում են վերադարձողներին՝ պետական հաստատություններ, անվճար իրավաբանական օգնություն, բժշկական օգնություն, կրթություն, աշխատանք և բարեգործական կազմակերպություններ։ Ընտրեք տարածաշրջանը, թեման կամ լեզուն, որով այնտեղ կարող են խոսել ձեզ հետ։
services-filters = Գտնել ծառայություն
services-region = Տարածաշրջան
services-topic = Թեմա
services-language = Շփման լեզու
services-filter-any = Բոլորը
services-find = Ցույց տալ ծառայությունները
services-count = { $count ->
    [one] { $count } ծառայություն
   *[other] { $count } ծառայություն
}
services-none = Ցանկում դեռ ծառայություններ չկան։
services-none-filtered = Ոչ մի ծառայություն չի համապատասխանում ձեր բոլոր ընտրություններին։ Փորձեք ավելի քիչ բան ընտրել կամ հարց տվեք մեզ։
services-speaks = Լեզուներ
services-checked = Վերջին ստուգումը՝ { $date }
services-stale-notice = Այս տվյալները վերջին անգամ ստուգվել են՝ { $date }։ Նախքան գնալը զանգահարեք։
services-back = Բոլոր ծառայությունները
services-kind = Ծառայության տեսակը
services-address = Հասցե
services-open-map = Բացել քարտեզի հավելվածում
services-hours = Աշխատանքային ժամեր
services-phone = Հեռախոս
services-email = Էլ. փոստ
services-website = Կայք
services-accessibility = Մատչելիություն
services-topics = Ինչով են օգնում
services-last-checked = Տվյալների վերջին ստուգումը
services-where-to-get-help = Որտեղ ստանալ օգնություն
services-find-more = Գտնել այլ ծառայություններ
services-see-all = { $count ->
    [one] Դիտել ծառայությունը
   *[other] Դիտել բոլոր { $count } ծառայությունները
}
service-kind-public_office = Պետական հաստատություն
service-kind-legal_aid = Անվճար իրավաբանական օգնություն
service-kind-health = Բժշկական օգնություն
service-kind-education = Կրթություն
service-kind-employment = Աշխատանք
service-kind-ngo = Բարեգործական կամ համայնքային կազմակերպություն

## Admin: directory of services
staff-nav-services = Ծառայություններ
admin-services-title = Ծառայությունների ցանկ
admin-services-lead = Հաստատություններ և կազմակերպություններ, որոնք ընթերցողները տեսնում են «Որտեղ ստանալ օգնություն» բաժնում։ Սկզբում ցուցադրվում են նրանք, որոնք ամենաերկար ժամանակ չեն ստուգվել։ Զանգահարելուց կամ այցելելուց հետո հաստատեք ծառայության տվյալները։
admin-services-stale = { $count ->
    [one] { $count } ծառայություն երկար ժամանակ չի ստուգվել։
   *[other] { $count } ծառայություն երկար ժամանակ չի ստուգվել։
}
admin-services-name = Ծառայություն
admin-services-to-check = Պետք է ստուգել
admin-services-mark-checked = Տվյալները ստուգվել են այսօր
admin-services-done-checked = Ծառայությունը նշվել է որպես այսօր ստուգված։
admin-services-files = Ծառայության տվյալները փոխելու համար խմբագրեք դրա ֆայլը և բեռնեք թղթապանակը `homeward services import` հրամանով։

## Teams and routing (/admin/teams)
admin-teams-title = Թիմեր
admin-teams-lead = Նոր հարցն ուղարկվում է այս ցանկի առաջին թիմին, որի կանոնը համապատասխանում է հարցին։ Եթե ոչ մի կանոն չի համապատասխանում, հարցն ուղարկվում է հիմնական թիմին։
admin-teams-none = Թիմեր դեռ չկան։ Մինչ թիմեր ստեղծվեն, նոր հարցերը հայտնվում են ընդհանուր ցանկում՝ առանց թիմի։
admin-team-order = Հերթականություն
admin-team-name = Թիմի անվանում
admin-team-rules = Բաշխման կանոններ
admin-team-languages = Լեզուներ, որոնցով խոսում է թիմը
admin-team-languages-hint = Ցուցադրվում են մասնագետներին, երբ նրանք հարց են փոխանցում։
admin-team-members = Անդամներ
admin-team-default-tag = Հիմնական թիմ
admin-team-no-rules = Կանոններ չկան
admin-team-move-up = Տեղափոխել վեր
admin-team-move-down = Տեղափոխել վար
admin-team-new = Ավելացնել թիմ
admin-team-create = Ավելացնել թիմ
admin-team-title = Թիմ
admin-team-back = Վերադառնալ թիմերին
admin-team-notify = Ծանուցումների էլ. փոստի հասցե (ոչ պարտադիր)
admin-team-notify-hint = Այս հասցեով թիմը նամակ է ստանում, երբ նոր հարց է ստացվում կամ հարց է փոխանցվում իրեն։ Նամակում անձնական տվյալներ չկան։
admin-team-default = Սա հիմնական թիմն է
admin-team-default-hint = Հիմնական թիմը ստանում է բոլոր այն հարցերը, որոնց ոչ մի կանոն չի համապատասխանում։ Կարող է լինել միայն մեկ հիմնական թիմ։
admin-team-public = Հարց տվողին ցուցադրվող անվանում
admin-team-public-hint = Եթե նշեք վանդակը, կարգավիճակի էջում հարց տվողը կտեսնի, թե որ թիմն է զբաղվում իր հարցով։ Անվանումը ցուցադրվում է նրա լեզվով (կամ հիմնական լեզվով)։
admin-team-show-publicly = Ցուցադրել այս թիմի անվանումը հարց տվողին
admin-team-public-name = Հրապարակային անվանում
admin-team-no-caseworkers = Մասնագետների հաշիվներ դեռ չկան։
admin-team-rules-lead = Կանոնը համապատասխանում է հարցին, եթե հարցը համապատասխանում է ձեր ընտրած բոլոր պայմաններին։ Որպեսզի պայմանը համապատասխանի բոլոր հարցերին, թողեք «Ցանկացած»։
admin-team-rule-topic = Թեմա
admin-team-rule-region = Տարածաշրջան
admin-team-rule-lang = Պատասխանի լեզու
admin-team-rule-any = Ցանկացած
admin-team-rule-add = Ավելացնել կանոն
admin-team-rule-remove = Հեռացնել
admin-team-delete-title = Ջնջել այս թիմը
admin-team-delete-lead = Թիմը կարող եք ջնջել, երբ նրա հարցերից ոչ մեկը բաց չէ։ Նախ դրանք փոխանցեք մեկ այլ թիմի։
admin-team-delete = Ջնջել թիմը
admin-team-done-saved = Թիմը պահպանվել է։
admin-team-done-created = Թիմն ավելացվել է։ Այժմ ավելացրեք դրա անդամներին և կանոնները։
admin-team-done-rule-added = Կանոնն ավելացվել է։
admin-team-done-rule-removed = Կանոնը հեռացվել է։
admin-team-done-moved = Թիմերի հերթականությունը փոխվել է։
admin-team-done-deleted = Թիմը ջնջվել է։
admin-team-error-name = Մուտքագրեք թիմի անվանում՝ առավելագույնը 100 նիշ
admin-team-error-name-taken = Այս անվանումով թիմ արդեն կա
admin-team-error-email = Մուտքագրեք էլ. փոստի հասցեն ճիշտ ձևաչափով, օրինակ՝ name@example.org
admin-team-error-public-name = Մուտքագրեք հրապարակային անվանումը՝ առնվազն հիմնական լեզվով, կամ հանեք վանդակի նշումը
admin-team-error-public-name-long = Հրապարակային անվանումը պետք է լինի առավելագույնը 100 նիշ
admin-team-error-rule-empty = Ընտրեք թեմա, տարածաշրջան կամ լեզու։ Ոչ մի կանոնի չհամապատասխանող հարցերն ուղարկվում են հիմնական թիմին
admin-team-error-rule-choice = Ընտրեք ցանկերից
admin-team-error-rule-exists = Այս թիմն արդեն ունի այս կանոնը
admin-team-error-open-inquiries = Այս թիմը դեռ ունի բաց հարցեր։ Նախ դրանք փոխանցեք մեկ այլ թիմի

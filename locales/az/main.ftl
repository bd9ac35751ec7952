# UI strings for Azerbaijani. Every key here must exist in every other language (a test checks).

language-name = Azərbaycanca
site-name = Homeward
site-tagline = Doğma yerlərinə qayıdanlar üçün məsləhətlər

## Page frame
skip-link = Əsas məzmuna keç
quick-exit = Saytdan tez çıx
quick-exit-hint = Neytral bir sayt açılacaq. Brauzerinizin tarixçəsində bu sayt yenə də görünəcək.
language-switcher-label = Dil seçin
language-current = (cari dil)
footer-privacy = Məxfilik
footer-free = Bu xidmət ödənişsizdir. Əməkdaşlarımız heç vaxt sizdən pul və ya parollarınızı istəməz, sizə təkbətək görüşməyi təklif etməz. Bizdən rəsmi mesajlar yalnız bu saytın ünvanından gəlir.
footer-sample = Bu, nümunə mətndir. Xidməti idarə edən təşkilat onu öz mətni ilə əvəz edəcək.

## Home page
home-title = Doğma yerlərinə qayıdanlar üçün məlumat
home-lead = Sənədlər, mənzil, iş, tibbi xidmət və qanunlar barədə praktik məsləhətlər, öz dilinizdə. Hər şeyi adınızı bildirmədən oxuya bilərsiniz.
home-sample-notice = Bu saytda nümunə məzmun göstərilir. Saytı idarə edən təşkilat onu öz məsləhətləri ilə əvəz edəcək.
home-ask-heading = Sual verin
home-ask-body = Lazım olan məlumatı tapa bilmirsinizsə, məsləhətçiyə sual verə bilərsiniz. Adınızı bildirmək məcburi deyil.

## Privacy notice
privacy-title = Məxfilik
privacy-lead = Bu səhifədə xidmətin sizin haqqınızda nəyi, nə qədər müddətə saxladığı və bunu kimin görə biləcəyi izah olunur.
privacy-reading-heading = Səhifələri oxuyarkən
privacy-reading-body = Biz kuki (cookie) fayllarından və analitika alətlərindən istifadə etmirik, başqa saytlardan heç nə yükləmirik. IP ünvanınızı oxuduğunuz məzmunla birlikdə saxlamırıq.
privacy-asking-heading = Sual verərkən
privacy-asking-body = Sualınızı və bildirmək istədiyiniz əlaqə məlumatlarını saxlayırıq. Onlar şifrələnir. Onları yalnız suallara cavab verən məsləhətçilər oxuya bilər. Məsləhətçi hər dəfə sualı açanda bu qeydə alınır.
privacy-keeping-heading = Məlumatları nə qədər saxlayırıq
privacy-keeping-body = Sualınız bağlandıqdan sonra müəyyən müddət keçəndə sualı və əlaqə məlumatlarını silirik. Onları daha tez silməyimizi xahiş edə bilərsiniz.
privacy-rights-heading = Sizin seçiminiz
privacy-rights-body = Adınızı, e-poçt ünvanınızı və ya telefon nömrənizi bildirməyə borclu deyilsiniz. Haqqınızda saxladığımız məlumatların surətini istəyə və ya onları silməyimizi xahiş edə bilərsiniz.

## Error pages
error-back-home = Ana səhifəyə keç
error-request-id = Bununla bağlı bizimlə əlaqə saxlasanız, bu kodu bildirin: { $id }
error-400-title = Sorğuda nəsə düzgün deyil
error-400-body = Veb ünvanı və ya formanı yoxlayın və yenidən cəhd edin.
error-403-title = Bu səhifəni aça bilməzsiniz
error-403-body = Ola bilsin, sistemə daxil olmalısınız. Və ya hesabınızın bu səhifəyə girişi yoxdur.
error-404-title = Səhifə tapılmadı
error-404-body = Veb ünvanı özünüz yazmısınızsa, onun düzgün olduğunu yoxlayın. Ünvanı kopyalayıb yapışdırmısınızsa, onu tam kopyaladığınızı yoxlayın.
error-405-title = Bu səhifədən belə istifadə etmək olmaz
error-405-body = Geri qayıdın və yenidən cəhd edin.
error-413-title = Göndərdiyiniz məlumat çox böyükdür
error-413-body = Onu qısaldın və yenidən cəhd edin.
error-429-title = Həddindən çox cəhd
error-429-body = Bir neçə dəqiqə gözləyin və yenidən cəhd edin.
error-500-title = Üzr istəyirik, xidmətdə problem var
error-500-body = Bir az sonra yenidən cəhd edin.
error-503-title = Üzr istəyirik, xidmət hazırda işləmir
error-503-body = Bir az sonra yenidən cəhd edin.
error-language-title = Bu dil mövcud deyil
error-language-body = Bu xidmət aşağıdakı dillərdə mövcuddur:

## Forms
error-prefix = Xəta
error-summary-title = Problem var
button-continue = Davam et

## Creating a staff account (first administrator or invitation)
setup-title-first = İlk administrator hesabını yaradın
setup-lead-first = Bu hesabla əməkdaşları, məzmunu və parametrləri idarə etmək, həmçinin suallara cavab vermək olar. Yalnız sizin oxuya bildiyiniz e-poçt ünvanından istifadə edin.
setup-title-invite = Əməkdaş hesabınızı yaradın
setup-lead-invite = Hesabınız üçün parol seçin.
setup-email-label = E-poçt ünvanı
setup-email-hint = Sistemə bu ünvanla daxil olacaqsınız.
setup-password-label = Parol
setup-password-hint = Ən azı 12 simvol. Bir-biri ilə əlaqəsi olmayan bir neçə sözü yadda saxlamaq asan, təxmin etmək isə çətindir.
setup-confirm-label = Parolu yenidən yazın
setup-submit = Hesab yarat
setup-invalid-title = Bu keçiddən istifadə etmək olmur
setup-invalid-body = Keçidin müddəti bitib, ondan artıq istifadə olunub və ya o, tam kopyalanmayıb.
setup-invalid-help = Administratordan yeni keçid istəyin. Xidməti siz quraşdırırsınızsa, ilk hesab üçün yeni keçid almaq üçün onu yenidən başladın.
setup-done-title = Hesabınız yaradıldı
setup-done-body = İndi e-poçt ünvanınız və parolunuzla sistemə daxil ola bilərsiniz.
setup-error-email-empty = E-poçt ünvanınızı daxil edin
setup-error-email-invalid = E-poçt ünvanını düzgün formatda daxil edin, məsələn, name@example.org
setup-error-email-taken = Bu e-poçt ünvanı ilə artıq hesab var
setup-error-password-short = Parol ən azı 12 simvoldan ibarət olmalıdır
setup-error-password-long = Parol ən çoxu 256 simvoldan ibarət olmalıdır
setup-error-password-mismatch = Parollar eyni deyil

## Dates: { $day } { $month } { $year }, month names as they appear in a date
date-format = { $day } { $month } { $year }
month-1 = yanvar
month-2 = fevral
month-3 = mart
month-4 = aprel
month-5 = may
month-6 = iyun
month-7 = iyul
month-8 = avqust
month-9 = sentyabr
month-10 = oktyabr
month-11 = noyabr
month-12 = dekabr

## Public guidance pages
nav-home = Ana səhifə
breadcrumbs-label = Naviqasiya zənciri
topics-heading = Mövzular
recent-heading = Son yeniliklər
recent-empty = Hələlik yenilik yoxdur.
search-label = Materiallarda axtarış
search-button = Axtar
search-title = Axtarış
search-results-count = { $count ->
    [one] «{ $query }» sorğusu üzrə { $count } material tapıldı
   *[other] «{ $query }» sorğusu üzrə { $count } material tapıldı
}
search-no-results = «{ $query }» sorğusu üzrə heç bir material tapılmadı.
search-no-results-help = Sözlərin yazılışını yoxlayın, daha az və ya başqa sözlərlə axtarın, yaxud ana səhifədəki mövzulara baxın.
search-empty = Axtarış üçün söz daxil edin, məsələn, «pasport».
search-shortened = Sorğunuz uzun idi, buna görə yalnız ilk sözlər nəzərə alındı.
topic-guides-heading = Materiallar
topic-empty = Bu mövzuda hələ material yoxdur.
guide-last-updated = Son yenilənmə: { $date }
guide-what-changed = Nə dəyişib: { $note }
guide-contents = Mündəricat
guide-related = Əlaqəli materiallar
guide-fallback-notice = Bu material hələ sizin dilinizə tərcümə olunmayıb, buna görə başqa dildə göstərilir: { $language }.
guide-outdated-notice = Bu tərcümə köhnəlmiş ola bilər. Orijinal mətn ({ $language }) tərcümə olunandan sonra dəyişib.
guide-in-language = Bu dildə oxu: { $language }
feedback-heading = Bu səhifə faydalı oldumu?
feedback-yes = Bəli
feedback-no = Xeyr
feedback-comment-label = Bu səhifəni necə yaxşılaşdıra bilərik? (istəyə bağlı)
feedback-comment-hint = Adınızı, əlaqə məlumatlarınızı və ya hər hansı şəxsi məlumatı yazmayın. Rəylərə cavab verə bilmirik. Məsləhətçiyə sual vermək üçün sual formasından istifadə edin.
feedback-submit = Rəy göndər
feedback-thanks-title = Rəyiniz üçün təşəkkür edirik
feedback-thanks-body = Rəyiniz bu materialları yaxşılaşdırmaqda bizə kömək edir.
feedback-back = «{ $title }» səhifəsinə qayıt
feedback-error-choice = Bu səhifə faydalı olubsa, «Bəli», olmayıbsa, «Xeyr» seçin
feedback-error-comment-long = Şərh ən çoxu 1000 simvoldan ibarət olmalıdır
feedback-error-expired = Bu forma çox uzun müddət açıq qalıb. Zəhmət olmasa, rəyinizi yenidən göndərin.
feed-title = Homeward – yeniliklər
feed-link = Yeniliklər lenti (Atom)

## Emails
email-greeting = Salam,
email-ack-subject = Sualınızı aldıq
email-ack-body = Bizə yazdığınız üçün təşəkkür edirik. Məsləhətçi sualınızı oxuyacaq və imkan olan kimi, adətən bir neçə iş günü ərzində cavab verəcək.
email-ack-check = Sualınızı göndərəndə aldığınız qəbz kodu ilə bu səhifədə cavabları oxuya və bizə yenidən yaza bilərsiniz:
email-never-code = Təhlükəsizliyiniz üçün bu məktubda qəbz kodunuz göstərilmir. Biz onu heç vaxt sizdən e-poçt və ya telefonla istəmərik.
email-free-notice = Bu xidmət ödənişsizdir. Biz heç vaxt sizdən pul və ya parollarınızı istəmərik.
email-reply-subject = Sualınıza cavab verilib
email-reply-body = Məsləhətçi sualınıza cavab verib. Cavabı oxumaq üçün qəbz kodunuzu bu səhifədə daxil edin:
email-staff-subject = Yeni sual
email-staff-body = Yeni sual daxil olub. Onu oxumaq üçün əməkdaşlar bölməsində açın.
email-staff-reference = Qeydiyyat nömrəsi
email-staff-topic = Mövzu
email-staff-language = Cavabın dili
email-staff-open = Sualı aç
email-staff-no-topic = Digər

## Asking a question
contact-link = Sual ver
contact-title = Sual verin
contact-lead = Məsləhətçi sualınızı oxuyub cavab verəcək. Adınızı və ya əlaqə məlumatlarınızı bildirmək məcburi deyil.
contact-topic-label = Sualınız nə barədədir?
contact-topic-other = Digər
contact-message-label = Sualınız
contact-message-hint = Vəziyyətinizi öz sözlərinizlə təsvir edin. Parollarınızı və ya bank məlumatlarınızı yazmayın.
contact-lang-label = Sizə hansı dildə cavab verək?
contact-method-legend = Sizə necə cavab verək?
contact-method-email = E-poçtla
contact-method-phone = Telefonla
contact-method-receipt = Cavabı qəbz kodumla bu saytda özüm yoxlayacağam
contact-method-receipt-hint = Bu halda əlaqə məlumatlarınız bizə lazım deyil.
contact-details-heading = Məlumatlarınız (istəyə bağlı)
contact-details-hint = Yalnız sizə cavab vermək üçün lazım olan məlumatı yazın. E-poçt və ya telefonu seçmisinizsə, həmin ünvan və ya nömrə bizə lazımdır.
contact-name-label = Ad (istəyə bağlı)
contact-email-label = E-poçt ünvanı (istəyə bağlı)
contact-phone-label = Telefon nömrəsi (istəyə bağlı)
contact-consent-label = «Məxfilik» səhifəsini oxumuşam və sualımın orada izah olunduğu qaydada saxlanmasına razıyam.
contact-consent-link = «Məxfilik» səhifəsini oxu
contact-submit = Sualı göndər
contact-error-topic = Siyahıdan mövzu seçin
contact-error-message-empty = Sualınızı yazın
contact-error-message-long = Sual ən çoxu 5000 simvoldan ibarət olmalıdır
contact-error-lang = Cavabın dilini seçin
contact-error-method = Sizə necə cavab verəcəyimizi seçin
contact-error-name-long = Ad ən çoxu 100 simvoldan ibarət olmalıdır
contact-error-email-invalid = E-poçt ünvanını düzgün formatda daxil edin, məsələn, name@example.org
contact-error-email-needed = E-poçt ünvanınızı daxil edin və ya cavab üçün başqa üsul seçin
contact-error-phone-invalid = Telefon nömrəsini yalnız rəqəmlər, boşluqlar və + ( ) - işarələri ilə daxil edin
contact-error-phone-needed = Telefon nömrənizi daxil edin və ya cavab üçün başqa üsul seçin
contact-error-consent = Sualınızın saxlanmasına razı olduğunuzu bildirmək üçün xananı işarələyin
contact-error-expired = Bu forma çox uzun müddət açıq qalıb və ya çox tez göndərilib. Sualınızı yoxlayın və yenidən göndərin.
contact-error-reused = Bu formadan artıq başqa sual üçün istifadə olunub. Sualınızı yoxlayın və yenidən göndərin.
sent-title = Sualınız göndərildi
sent-code-label = Qəbz kodunuz
sent-code-hint = Bu kodu bir yerə yazın və ya bu səhifəni çap edin. Cavabımızı oxumaq üçün o sizə lazım olacaq. Biz onu sizə bir daha göstərə bilməyəcəyik və heç vaxt sizdən onu istəmərik.
sent-next-heading = Bundan sonra nə olacaq
sent-next-email = Cavab hazır olanda sizə e-poçtla məktub göndərəcəyik. Məktubda sualınız və kodunuz olmayacaq.
sent-next-phone = Məsləhətçi sizə zəng edəcək.
sent-next-receipt = Cavabı oxumaq üçün bu sayta qayıdın və qəbz kodunuzu daxil edin.
sent-status-link = Sualın vəziyyətini yoxla
status-title = Sualınızın vəziyyətini yoxlayın
status-lead = Sualınızı göndərəndə aldığınız qəbz kodunu daxil edin.
status-code-label = Qəbz kodu
status-code-hint = Məsələn, K7QM-4XPD-9TBW-2HNC
status-submit = Sualımı göstər
status-not-found = Bu kodla sual tapa bilmədik. Kodu sizə göstərildiyi kimi dəqiq yazdığınızı yoxlayın.
status-heading = Sualınız
status-state-label = Vəziyyət
status-new = Qəbul edilib
status-in_progress = Baxılır
status-answered = Cavablandırılıb
status-closed = Bağlanıb
status-you = Siz yazdınız
status-caseworker = Məsləhətçi
status-followup-label = Bizə yenidən yazın
status-followup-hint = Məlumat əlavə edin və ya eyni mövzuda daha bir sual verin.
status-followup-submit = Mesajı göndər
status-followup-sent = Mesajınız göndərildi.
status-error-followup-empty = Mesaj yazın
status-error-followup-long = Mesaj ən çoxu 5000 simvoldan ibarət olmalıdır

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
email-staff-team = Komanda
email-staff-handover-subject = Sual komandanıza ötürülüb
email-staff-handover-body = Komandanıza bir sual ötürülüb. Onu oxumaq üçün əməkdaşlar bölməsində açın.

## Asking a question
contact-link = Sual ver
contact-title = Sual verin
contact-lead = Məsləhətçi sualınızı oxuyub cavab verəcək. Adınızı və ya əlaqə məlumatlarınızı bildirmək məcburi deyil.
contact-topic-label = Sualınız nə barədədir?
contact-topic-other = Digər
contact-region-label = Sualınız hansı bölgəyə aiddir? (istəyə bağlı)
contact-region-hint = Bu, sualınızı yerli qurumları tanıyan komandaya ötürməyimizə kömək edir.
contact-region-none = Bilmirəm və ya bildirmək istəmirəm
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
contact-error-region = Siyahıdan bölgə və ya «Bilmirəm» seçin
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
status-handled-by = Sualınızla məşğul olur
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

## Staff area: signing in
staff-nav-label = Əməkdaş menyusu
staff-nav-queue = Suallar
staff-nav-replies = Hazır cavablar
staff-nav-users = Əməkdaş hesabları
staff-nav-teams = Komandalar
staff-nav-audit = Əməliyyatlar jurnalı
staff-nav-account = Hesabınız
staff-sign-out = Çıxış et
staff-login-title = Homeward əməkdaşları üçün giriş
staff-login-lead = Bu bölmə mütəxəssislər, redaktorlar və administratorlar üçündür.
staff-login-submit = Daxil ol
staff-login-forgot = Parolunuzu unutmusunuz?
staff-signed-out = Siz sistemdən çıxdınız.
staff-sign-in-needed = Davam etmək üçün sistemə daxil olun. Əgər əvvəl daxil olmusunuzsa, bir müddət fəaliyyət olmadığı üçün seansınız başa çatıb.
staff-error-email-empty = E-poçt ünvanınızı daxil edin
staff-error-password-empty = Parolunuzu daxil edin
staff-error-credentials = E-poçt ünvanı və ya parol düzgün deyil
staff-error-throttled = Həddindən çox uğursuz cəhd. Təhlükəsizliyiniz üçün 15 dəqiqə gözləyin və yenidən cəhd edin.
staff-code-title = Təhlükəsizlik kodunu daxil edin
staff-code-label = Təhlükəsizlik kodu
staff-code-hint = Autentifikator tətbiqinizdəki 6 rəqəmli kod və ya bərpa kodlarınızdan biri.
staff-code-submit = Davam et
staff-code-cancel = Ləğv et və çıx
staff-error-code = Kod düzgün deyil və ya artıq istifadə olunub. Tətbiqdəki cari kodu daxil edin.
staff-back-to-login = Giriş səhifəsinə qayıt
staff-back-to-start = Əməkdaşlar bölməsinin əvvəlinə keç
staff-refused-origin-title = Bu forma bu saytdan göndərilməyib
staff-refused-origin-body = Təhlükəsizliyiniz üçün əməkdaş formaları yalnız bu saytın öz səhifələrindən qəbul edilir. Geri qayıdın, səhifəni yeniləyin və yenidən cəhd edin.
staff-refused-csrf-title = Bu formanın müddəti bitib
staff-refused-csrf-body = Səhifə çox uzun müddət açıq qalıb və ya bu arada siz yenidən sistemə daxil olmusunuz. Geri qayıdın, səhifəni yeniləyin və yenidən cəhd edin. Əvvəlcə yazdıqlarınızı kopyalayın.
staff-reset-title = Parolunuzu sıfırlayın
staff-reset-lead = Əməkdaş hesabınızın e-poçt ünvanını daxil edin. Bu ünvanla hesab varsa, ona yeni parol seçmək üçün keçid göndərəcəyik.
staff-reset-submit = Keçidi göndər
staff-reset-sent-title = E-poçtunuzu yoxlayın
staff-reset-sent-body = Bu ünvan əməkdaş hesabına aiddirsə, ona yeni parol seçmək üçün keçid göndərdik. Keçid bir saat ərzində və yalnız bir dəfə işləyir.
staff-reset-sent-help = Bir neçə dəqiqə ərzində məktub gəlməsə, «Spam» qovluğunu yoxlayın və ya administratora müraciət edin.
staff-reset-invalid-title = Bu keçiddən istifadə etmək olmur
staff-reset-invalid-body = Keçidin müddəti bitib və ya ondan artıq istifadə olunub. Giriş səhifəsindən yeni keçid istəyin.
staff-new-password-title = Yeni parol seçin
staff-new-password-label = Yeni parol
staff-new-password-submit = Yeni parolu yadda saxla
staff-reset-done-title = Parolunuz dəyişdirildi
staff-reset-done-body = Bütün cihazlarda sistemdən çıxdınız. Yeni parolunuzla daxil olun.
staff-error-password-common = Bu parol çox geniş yayılıb və ya asanlıqla təxmin edilə bilər. Başqa yerdə istifadə etmədiyiniz daha uzun bir ifadə seçin.

## Staff area: account
staff-account-title = Hesabınız
staff-account-roles = Rollar
staff-role-caseworker = Mütəxəssis
staff-role-editor = Redaktor
staff-role-admin = Administrator
staff-account-language = Dil
staff-account-language-label = Əməkdaş səhifələrinin və məktublarınızın dili
staff-save = Yadda saxla
staff-done-language = Diliniz yadda saxlanıldı.
staff-account-password = Parol
staff-current-password-label = Cari parol
staff-password-change-hint = Dəyişiklikdən sonra bütün cihazlarda sistemdən çıxacaqsınız və yeni parolla yenidən daxil olmalı olacaqsınız.
staff-password-change = Parolu dəyiş
staff-done-password = Parolunuz dəyişdirildi.
staff-error-current-password = Cari parol düzgün deyil
staff-account-2fa = İki addımlı giriş
staff-2fa-on = İki addımlı giriş aktivdir
staff-2fa-off = İki addımlı giriş aktiv deyil. Onu aktivləşdirin ki, təkcə oğurlanmış parolla hesabınızı açmaq mümkün olmasın.
staff-2fa-enable = İki addımlı girişi qur
staff-2fa-codes-left = { $count ->
    [one] { $count } istifadə olunmamış bərpa kodunuz var.
   *[other] { $count } istifadə olunmamış bərpa kodunuz var.
}
staff-2fa-disable-label = İki addımlı girişi deaktiv etmək üçün cari kodu daxil edin
staff-2fa-disable = İki addımlı girişi deaktiv et
staff-2fa-required-hint = Bu xidmətdə administratorlar iki addımlı girişdən istifadə etməlidir.
staff-error-2fa-required = Administratorlar iki addımlı girişi aktiv saxlamalıdır
staff-done-2fa-off = İki addımlı giriş deaktiv edildi.
staff-2fa-setup-title = İki addımlı girişi qurun
staff-2fa-required = Administratorlar iki addımlı girişdən istifadə etməlidir. Davam etmək üçün onu qurun.
staff-2fa-step-app = Telefonunuzda autentifikator tətbiqi yoxdursa, onu quraşdırın.
staff-2fa-step-scan = Bu kodu tətbiqlə skan edin.
staff-2fa-qr-label = Homeward-ı autentifikator tətbiqinizə əlavə etmək üçün QR kod
staff-2fa-step-type = Kodu skan edə bilmirsinizsə, bu açarı tətbiqə yazın:
staff-2fa-step-code = Tətbiqin göstərdiyi 6 rəqəmli kodu daxil edin.
staff-2fa-confirm = İki addımlı girişi aktivləşdir
staff-recovery-title = İki addımlı giriş aktivdir
staff-recovery-lead = Bu bərpa kodlarını telefonunuzdan ayrı, təhlükəsiz bir yerdə saxlayın. Telefonunuzu itirsəniz, hər kodla bir dəfə sistemə daxil ola bilərsiniz.
staff-recovery-once = Bu kodlar yalnız bu dəfə göstərilir.
staff-continue = Davam et
staff-account-sessions = Aktiv girişləriniz
staff-session-started = Giriş vaxtı
staff-session-last-seen = Son fəaliyyət
staff-session-this = Bu brauzer
staff-sign-out-everywhere = Bütün cihazlarda çıxış et
staff-done-sessions = Digər bütün cihazlarda sistemdən çıxdınız.

## Staff area: inquiries
staff-queue-title = Suallar
staff-filters = Sual filtrləri
staff-filter-open = Açıq (bağlanmamış)
staff-filter-all = Hamısı
staff-filter-any = İstənilən
staff-filter-anyone = İstənilən əməkdaş
staff-filter-mine = Mənə təyin edilənlər
staff-filter-unassigned = Təyin edilməyənlər
staff-filter-overdue = Yalnız müddəti keçənlər
staff-filter-apply = Filtrləri tətbiq et
staff-queue-count = { $count ->
    [one] { $count } sual
   *[other] { $count } sual
}
staff-queue-empty = Bu filtrlərə uyğun sual yoxdur.
staff-export-csv = CSV kimi yüklə (şəxsi məlumatlar olmadan)
staff-col-reference = Qeydiyyat nömrəsi
staff-col-status = Vəziyyət
staff-col-topic = Mövzu
staff-col-language = Dil
staff-col-assignee = Kimə təyin edilib
staff-col-age = Müddət
staff-status-new = Yeni
staff-status-in_progress = Baxılır
staff-status-answered = Cavablandırılıb
staff-status-closed = Bağlanıb
staff-age-days = { $count ->
    [0] bu gün
    [one] { $count } gün
   *[other] { $count } gün
}
staff-late-acknowledge = Vaxtında işə götürülməyib
staff-late-answer = Cavab müddəti keçib
staff-overdue = Müddəti keçib
staff-unassigned = Təyin edilməyib
staff-col-team = Komanda
staff-col-region = Bölgə
staff-no-team = Komandasız
staff-filter-any-team = İstənilən komanda
staff-filter-my-teams = Komandalarım
staff-filter-no-team = Komandasız
staff-handover-label = Komanda
staff-handover-hint = Başqa komanda suala daha yaxşı cavab verə bilərsə, sualı ona ötürün. Komandaya məktub göndəriləcək, sual isə ümumi siyahıda qalacaq.
staff-handover = Ötür
staff-done-team = Sual seçdiyiniz komandaya ötürüldü.
staff-topic-none = Mövzusuz
staff-pages = Səhifələr
staff-page-previous = Əvvəlki səhifə
staff-page-next = Növbəti səhifə
staff-page-of = Səhifə { $page }
staff-safeguarding-tag = Risk siqnalı
staff-back-to-queue = Suallara qayıt
staff-case-title = Sual { $reference }
staff-safeguarding-raised = Bu sual üzrə risk siqnalı verilib: şəxs təhlükədə ola bilər. Müdafiə üzrə məsul şəxsə məlumat verilib.
staff-answer-language = Cavabın dili
staff-contact-method = Cavab üsulu
staff-method-email = E-poçt
staff-method-phone = Telefon
staff-method-receipt = Qəbz kodu ilə saytda özü yoxlayacaq
staff-contact-name = Ad
staff-contact-email = E-poçt
staff-contact-phone = Telefon
staff-thread = Mesajlar
staff-from-inquirer = Sual verən
staff-from-staff = Mütəxəssis
staff-reply-title = Cavab
staff-canned-label = Hazır cavabdan başla
staff-canned-use = Bu cavabdan istifadə et
staff-reply-label = Cavabınız (dil: { $language })
staff-reply-hint-email = Sual verən cavabınızı vəziyyət səhifəsində oxuyacaq və cavab olduğunu bildirən məktub alacaq. Məktubda cavabınız olmur.
staff-reply-hint-status = Sual verən cavabınızı qəbz kodu ilə vəziyyət səhifəsində oxuyacaq.
staff-reply-send = Cavabı göndər
staff-error-reply-empty = Cavab yazın
staff-error-text-long = Mətn ən çoxu 20 000 simvoldan ibarət olmalıdır
staff-done-reply = Cavabınız göndərildi.
staff-notes = Daxili qeydlər
staff-notes-hint = Qeydlər yalnız əməkdaşlar üçündür. Sual verən onları heç vaxt görmür.
staff-note-label = Yeni qeyd
staff-note-add = Qeyd əlavə et
staff-error-note-empty = Qeyd yazın
staff-done-note = Qeydiniz əlavə edildi.
staff-actions = Əməliyyatlar
staff-assign = Təyin et
staff-assign-nobody = Heç kim
staff-done-assign = Təyinat yadda saxlanıldı.
staff-status-change = Vəziyyəti dəyiş
staff-done-status = Vəziyyət dəyişdirildi.
staff-gap-label = Məzmun boşluğu
staff-gap-hint = Bu suala hansısa material cavab verməli idisə, onu göstərin ki, redaktorlar nəyi yaxşılaşdırmaq lazım olduğunu bilsin.
staff-gap-none = Məzmun boşluğu yoxdur
staff-gap-save = Məzmun boşluğunu yadda saxla
staff-done-gap = Məzmun boşluğu yadda saxlanıldı.
staff-safeguarding = Risk siqnalı
staff-safeguarding-hint = Şəxs təhlükədə ola bilərsə, bu sual üzrə risk siqnalı verin. Müdafiə üzrə məsul şəxsə dərhal məktub göndəriləcək.
staff-safeguarding-raise = Risk siqnalı ver
staff-safeguarding-clear = Risk siqnalını götür
staff-done-flag = Risk siqnalı ilə bağlı dəyişiklik yadda saxlanıldı.
staff-data-request = Şəxsi məlumatlarla bağlı sorğular
staff-export-json = Saxlanılan hər şeyi ixrac et (JSON)
staff-erase = Bu sualı sil
staff-erase-title = Bu sualı sil
staff-erase-warning = Bu əməliyyat { $reference } sualını hər yerdən silir: əlaqə məlumatlarını, mesajları, qeydləri və məktubları. Yalnız şəxsi məlumatları olmayan bir qeyd qalır. Bunu geri qaytarmaq mümkün deyil.
staff-erase-confirm = Həmişəlik sil
staff-erase-cancel = Ləğv et
staff-erased-title = Sual silindi
staff-erased-body = { $reference } sualı silindi. Əməliyyatlar jurnalında bunu sizin etdiyiniz qeyd olunub.
staff-canned-title = Hazır cavablar
staff-canned-lead = Cavaba başlamaq üçün hazır mətnlər. Hər biri bir dildədir. Sual səhifəsində sual verənin dilində olanlar təklif olunur.
staff-canned-none = Hələ hazır cavab yoxdur.
staff-canned-name = Ad
staff-canned-text = Mətn
staff-canned-delete = Sil
staff-canned-add = Hazır cavab əlavə et
staff-canned-guide = Materiala keçid
staff-canned-guide-hint = Materialın cavab dilindəki ünvanı cavabın sonuna əlavə olunur.
staff-canned-no-guide = Materialsız
staff-canned-save = Hazır cavabı yadda saxla
staff-error-canned-title = Ən çoxu 200 simvoldan ibarət ad daxil edin
staff-error-canned-body = Ən çoxu 20 000 simvoldan ibarət mətn daxil edin

## Admin: accounts and audit
admin-users-title = Əməkdaş hesabları
admin-user-state = Vəziyyət
admin-user-active = Aktiv
admin-user-disabled = Deaktiv
admin-roles-of = { $email } üçün rollar
admin-save-roles = Rolları yadda saxla
admin-disable = Deaktiv et
admin-enable = Aktivləşdir
admin-done-invited = Dəvət göndərildi.
admin-done-roles = Rollar yadda saxlanıldı.
admin-done-disabled = Hesab deaktiv edildi və bütün cihazlarda sistemdən çıxarıldı.
admin-done-enabled = Hesab aktivləşdirildi.
admin-invite-title = Əməkdaşı dəvət et
admin-invite-lead = Ona hesab yaratmaq üçün keçid göndərəcəyik. Keçid bir dəfə işləyir və 24 saatdan sonra etibarsız olur.
admin-invite-send = Dəvət göndər
admin-error-roles = Ən azı bir rol seçin
admin-audit-title = Əməliyyatlar jurnalı
admin-audit-lead = Kim nə etdi və nə vaxt. Jurnalda sualların məzmunu heç vaxt saxlanmır. Ən yeni qeydlər əvvəlcə göstərilir.
admin-audit-action = Əməliyyat
admin-audit-actor = Əməkdaş
admin-audit-record = Obyekt
admin-audit-when = Vaxt
admin-audit-detail = Təfərrüat
admin-audit-empty = Uyğun qeyd yoxdur.

## Staff emails
email-staff-greeting = Salam,
email-staff-no-details = Məxfilik üçün bu məktubda şəxsi məlumat və mesaj mətni yoxdur. Onları oxumaq üçün sistemə daxil olun.
email-link-expires-minutes = Keçid { $minutes } dəqiqə ərzində bir dəfə işləyir.
email-link-expires-hours = Keçid { $hours } saat ərzində bir dəfə işləyir.
email-reset-subject = Homeward əməkdaş parolunuzu sıfırlayın
email-reset-body = Kimsə Homeward əməkdaş hesabınızın parolunu sıfırlamağı xahiş edib. Yeni parol seçmək üçün bu keçidi açın:
email-reset-ignore = Bunu siz etməmisinizsə, bu məktuba məhəl qoymayın: parolunuz dəyişməyəcək.
email-invite-subject = Homeward əməkdaşları sırasına dəvət
email-invite-body = Sizi Homeward əməkdaşları sırasına qoşulmağa dəvət ediblər. Hesabınızı yaratmaq üçün bu keçidi açın:
email-invite-ignore = Bunu gözləmirdinizsə, bu məktuba məhəl qoymayın.
email-safeguarding-subject = { $reference } sualı üzrə risk siqnalı
email-safeguarding-body = Mütəxəssis { $reference } sualı üzrə risk siqnalı verib. Zəhmət olmasa, ona indi baxın:
email-digest-subject = { $count ->
    [one] Bu gün { $count } açıq sualınız var
   *[other] Bu gün { $count } açıq sualınız var
}
email-digest-body = { $count ->
    [one] { $count } açıq sualınız var.
   *[other] { $count } açıq sualınız var.
}
email-digest-overdue = { $count ->
    [one] Onlardan { $count } sualın müddəti keçib.
   *[other] Onlardan { $count } sualın müddəti keçib.
}
email-digest-queue = Sual siyahınızı açın:

## Content administration
staff-nav-content = Məzmun
staff-nav-translations = Tərcümələr
admin-content-title = Məzmun
admin-content-lead = Bütün materiallar, onların hər dildəki vəziyyəti və yoxlama tarixi. Tərcüməni yadda saxladıqda yeni versiya yaranır. Dərc etdikdə dəyişiklik saytda dərhal görünür.
admin-translations-title = Tərcümələr
admin-guide = Material
admin-guide-state = Vəziyyət
admin-review-by = Yoxlama tarixi
admin-review-due = Yoxlama vaxtıdır
admin-published = Dərc olunub
admin-draft = Qaralama
admin-publish = Dərc et
admin-unpublish = Dərcdən çıxar
admin-edit = Redaktə et
admin-state-missing = Mətn yoxdur
admin-state-outdated = Köhnəlib
admin-state-current = Aktualdır
admin-done-published = Material dərc olundu.
admin-done-unpublished = Material dərcdən çıxarıldı.
admin-done-reviewed = Materialın düzgün olduğu təsdiqləndi. Növbəti yoxlama bir ildən sonradır.
admin-coverage = Dillər üzrə əhatə
admin-coverage-percent = Aktual
admin-translations-grid = Materiallar və dillər
admin-review-title = Yoxlama tarixi keçmiş materiallar
admin-review-none = Yoxlama tarixi keçmiş material yoxdur.
admin-review-confirm = Bütün dillərdə hələ də düzgündür
admin-editor-title = Redaktə ({ $language })
admin-back-to-content = Məzmuna qayıt
admin-back-to-editor = Redaktora qayıt
admin-revisions = Versiyalar
admin-view-public = Saytdakı səhifəyə bax
admin-conflict-title = Siz redaktə edərkən başqa biri bu tərcüməni yadda saxladı
admin-conflict-body = Onun versiyası aşağıdadır. Sizin mətniniz hələ də formadadır: ikisini müqayisə edin, lazım olanı birləşdirin və yenidən yadda saxlayın.
admin-error-conflict = Başqa biri bu tərcüməni sizdən əvvəl yadda saxladı. Öz versiyanızı yadda saxlamazdan əvvəl onun versiyasını yoxlayın.
admin-field-title = Başlıq
admin-field-summary = Qısa təsvir
admin-field-body = Mətn
admin-field-body-hint = Markdown: başlıqlar üçün ##, siyahılar üçün -, keçidlər üçün [mətn](ünvan). Səhifəni oxucuların görəcəyi kimi görmək üçün «Önbaxış» düyməsini basın.
admin-change-kind = Dəyişikliyin növü
admin-change-minor = Kiçik dəyişiklik
admin-change-minor-hint = Hərf səhvləri, ifadə düzəlişləri. Oxuculara bildirilmir və digər dillər aktual qalır.
admin-change-major = Əhəmiyyətli dəyişiklik
admin-change-major-hint = Oxucuların bilməli olduğu bir şey. Dəyişiklik qeydi dərc olunur. Əgər bu orijinal dildirsə, digər dillər köhnəlmiş kimi qeyd olunur.
admin-field-change-note = Dəyişiklik qeydi
admin-preview = Önbaxış
admin-save = Yadda saxla
admin-preview-heading = Önbaxış
admin-source = Orijinal ({ $language })
admin-source-hint = Tərcümə olunacaq mətn. Yalnız oxumaq üçündür.
admin-source-is-this = Bu orijinal dildir: tərcümələr bu mətnə əsasən edilir.
admin-source-missing = Hələ orijinal mətn yoxdur.
admin-done-saved = Versiya { $revision } kimi yadda saxlanıldı.
admin-unchanged = Heç nə dəyişmədiyi üçün heç nə yadda saxlanılmadı.
admin-error-title = Ən çoxu 200 simvoldan ibarət başlıq daxil edin
admin-error-summary = Qısa təsvir ən çoxu 500 simvoldan ibarət olmalıdır
admin-error-body = Ən çoxu 100 000 simvoldan ibarət mətn daxil edin
admin-error-change-note = Əhəmiyyətli dəyişiklik üçün dəyişiklik qeydi daxil edin
admin-diff-from = Hansı versiyadan
admin-diff-to = Hansı versiyaya
admin-diff-show = Müqayisə et
admin-diff-title = Dəyişikliklər
admin-revision-list = Bütün versiyalar
admin-rollback = Bu versiyaya qayıt
error-410-title = Bu material dərcdən çıxarılıb
error-410-body = Bu səhifədəki məlumat artıq təqdim olunmur. Adətən bunun səbəbi məlumatın köhnəlməsidir. Aktual materialları ana səhifədə və ya axtarışla tapın.

## Admin: outbox, feedback, second factor reset
staff-nav-outbox = E-poçt
staff-nav-feedback = Rəylər
admin-reset-2fa = İki addımlı girişi sıfırla
admin-done-2fa-reset = İki addımlı giriş sıfırlandı və əməkdaş sistemdən çıxarıldı. Sistemə yenidən daxil olduqdan sonra onu təzədən qura bilər.
admin-outbox-title = Göndərilən məktublar
admin-outbox-lead = Hələ çatdırılmamış məktublar. Əvvəlcə göndərilə bilməyənlər göstərilir. Ünvanlar qismən gizlədilib. Göndərilə bilməyən məktubu yenidən göndərmək olar.
admin-outbox-empty = Bütün məktublar çatdırılıb.
admin-outbox-kind = Növ
admin-outbox-to = Alıcı
admin-outbox-attempts = Cəhdlər
admin-outbox-error = Son xəta
admin-outbox-retry = Yenidən göndər
admin-done-retry = Məktub bir azdan yenidən göndəriləcək.
admin-mail-queued = Gözləyir
admin-mail-sending = Göndərilir
admin-mail-retrying = Yenidən göndəriləcək
admin-mail-failed = Göndərilmədi
admin-mail-sent = Çatdırıldı
admin-feedback-title = Rəylər
admin-feedback-lead = Oxucuların materiallar haqqında yazdıqları, axtarıb tapmadıqları və mütəxəssislərin fikrincə hansı materialların suala cavab verməli olduğu.
admin-feedback-guides = Bu səhifə faydalı oldumu?
admin-feedback-yes = Bəli
admin-feedback-no = Xeyr
admin-feedback-comments = Son şərhlər
admin-feedback-none = Hələ heç nə yoxdur.
admin-feedback-misses = Nəticəsiz axtarışlar
admin-feedback-search = Sorğu
admin-feedback-times = Neçə dəfə
admin-feedback-last = Sonuncu dəfə
admin-feedback-gaps = Mütəxəssislərin qeyd etdiyi məzmun boşluqları

## Content administration: guides and topics
admin-new-guide = Yeni material
admin-new-guide-lead = İlk versiyanı orijinal dildə ({ $language }) yazın. Material əvvəlcə qaralama kimi yaradılır. Hazır olduqda onu «Məzmun» siyahısından dərc edin.
admin-new-topic = Yeni mövzu
admin-edit-topic = Mövzunu redaktə et
admin-guide-settings = Parametrlər
admin-field-slug = Veb ünvan adı
admin-field-slug-hint = Kiçik latın hərfləri a–z, rəqəmlər və defislər, məsələn, birth-certificates. Sonradan dəyişdirilə bilməz.
admin-create-draft = Qaralama yarat
admin-error-slug = Kiçik latın hərfləri, rəqəmlər və defislərdən ibarət veb ünvan adı daxil edin
admin-error-slug-taken = Bu veb ünvan adı artıq istifadə olunur
admin-field-position = Sıra
admin-field-position-hint = Ədəd. Ədəd nə qədər kiçikdirsə, bir o qədər yuxarıda göstərilir.
admin-field-date-hint = Məsələn, 2027-06-30.
admin-field-replacement = Material dərcdən çıxarılarsa, oxucular hara yönləndirilsin?
admin-field-replacement-hint = Bu material dərcdən çıxarıldıqda onu açan oxucular materialın dərcdən çıxarıldığı barədə bildiriş görmək əvəzinə seçilmiş materiala yönləndiriləcək.
admin-replacement-none = Heç yerə: materialın dərcdən çıxarıldığı bildirilsin
admin-error-position = 0-dan 10 000-ə qədər tam ədəd daxil edin
admin-error-date = Tarixi 2027-06-30 formatında daxil edin
admin-done-settings = Parametrlər yadda saxlanıldı.
admin-done-topic = Mövzu yadda saxlanıldı.

## Admin: settings
staff-nav-settings = Parametrlər
admin-settings-title = Parametrlər
admin-settings-lead = Burada edilən dəyişikliklər bütün serverlərdə dərhal qüvvəyə minir və konfiqurasiya faylından üstün tutulur. Bir neçə ünvanı və ya dili vergüllə ayırın.
admin-setting-was = (Konfiqurasiya faylında: { $value })
admin-setting-languages = Aktiv dillər
admin-setting-hint-languages = Dil kodları, məsələn, en, hy, az, ru. Əsas dil həmişə aktiv qalır.
admin-setting-staff_notify = Yeni suallar barədə kimə məlumat verilsin
admin-setting-hint-staff_notify = E-poçt ünvanları. Məktubda şəxsi məlumat olmur.
admin-setting-protection_lead = Müdafiə üzrə məsul şəxs
admin-setting-hint-protection_lead = Mütəxəssis risk siqnalı verəndə dərhal məktub göndərilən e-poçt ünvanları.
admin-setting-retention_days = Bağlanmış suallar neçə gün saxlanılsın
admin-setting-hint-retention_days = Bu müddətdən sonra bağlanmış sual silinir və yalnız şəxsi məlumatı olmayan qeyd qalır.
admin-setting-acknowledge_days = Yeni sual neçə gün ərzində işə götürülməlidir
admin-setting-hint-acknowledge_days = Bu müddətdə işə götürülməyən suallar siyahıda müddəti keçmiş kimi göstərilir.
admin-setting-answer_days = Suala neçə gün ərzində cavab verilməlidir
admin-setting-hint-answer_days = Bu müddətdə cavablandırılmayan suallar siyahıda və gündəlik xülasə məktubunda müddəti keçmiş kimi göstərilir.
admin-setting-require_admin_2fa = Administratorlar iki addımlı girişdən istifadə etməlidir
admin-setting-hint-require_admin_2fa = İki addımlı girişi olmayan administrator yalnız onu qura bilər.
admin-setting-quick_exit_url = «Saytdan tez çıx» düyməsinin açdığı sayt
admin-setting-hint-quick_exit_url = Zərərsiz, geniş yayılmış sayt, məsələn, hava proqnozu və ya xəbər saytı.
admin-setting-error-languages = Tərcüməsi olan dillərin kodlarını, o cümlədən əsas dili daxil edin
admin-setting-error-staff_notify = E-poçt ünvanlarını name@example.org formatında, vergüllə ayıraraq daxil edin
admin-setting-error-protection_lead = E-poçt ünvanlarını name@example.org formatında, vergüllə ayıraraq daxil edin
admin-setting-error-retention_days = 1-dən 36 500-ə qədər tam gün sayı daxil edin
admin-setting-error-acknowledge_days = 1-dən 365-ə qədər tam gün sayı daxil edin
admin-setting-error-answer_days = 1-dən 365-ə qədər tam gün sayı daxil edin
admin-setting-error-require_admin_2fa = Administratorların iki addımlı girişdən istifadə etməli olub-olmadığını seçin
admin-setting-error-quick_exit_url = https:// ilə başlayan veb ünvan daxil edin

## Where to get help (services directory)
services-title = Haradan kömək almaq olar
services-lead = Doğma yerlərinə qayıdanlara kömək edən idarə və təşkilatlar: dövlət qurumları, ödənişsiz hüquqi yardım, tibbi xidmət, təhsil, məşğulluq və xeyriyyə təşkilatları. Bölgə, mövzu və ya orada danışılan dili seçin.
services-filters = Xidmət axtarın
services-region = Bölgə
services-topic = Mövzu
services-language = Ünsiyyət dili
services-filter-any = Hamısı
services-find = Xidmətləri göstər
services-count = { $count ->
    [one] { $count } xidmət
   *[other] { $count } xidmət
}
services-none = Siyahıda hələ xidmət yoxdur.
services-none-filtered = Seçdiklərinizin hamısına uyğun xidmət yoxdur. Daha az şey seçin və ya bizə sual verin.
services-speaks = Dillər
services-checked = Son yoxlama: { $date }
services-stale-notice = Bu məlumatlar sonuncu dəfə { $date } tarixində yoxlanılıb. Getməzdən əvvəl zəng edin.
services-back = Bütün xidmətlər
services-kind = Xidmətin növü
services-address = Ünvan
services-open-map = Xəritə tətbiqində aç
services-hours = İş saatları
services-phone = Telefon
services-email = E-poçt
services-website = Sayt
services-accessibility = Əlçatanlıq
services-topics = Nədə kömək edir
services-last-checked = Məlumatların son yoxlanışı
services-where-to-get-help = Haradan kömək almaq olar
services-find-more = Başqa xidmətlər tap
services-see-all = { $count ->
    [one] Xidmətə bax
   *[other] Bütün { $count } xidmətə bax
}
service-kind-public_office = Dövlət qurumu
service-kind-legal_aid = Ödənişsiz hüquqi yardım
service-kind-health = Tibbi xidmət
service-kind-education = Təhsil
service-kind-employment = Məşğulluq
service-kind-ngo = Xeyriyyə və ya icma təşkilatı

## Admin: directory of services
staff-nav-services = Xidmətlər
admin-services-title = Xidmətlər siyahısı
admin-services-lead = Oxucuların «Haradan kömək almaq olar» bölməsində gördüyü idarə və təşkilatlar. Əvvəlcə ən uzun müddət yoxlanılmayanlar göstərilir. Xidmətə zəng etdikdən və ya baş çəkdikdən sonra onun məlumatlarını təsdiqləyin.
admin-services-stale = { $count ->
    [one] { $count } xidmət uzun müddətdir yoxlanılmayıb.
   *[other] { $count } xidmət uzun müddətdir yoxlanılmayıb.
}
admin-services-name = Xidmət
admin-services-to-check = Yoxlanılmalıdır
admin-services-mark-checked = Məlumatlar bu gün yoxlanılıb
admin-services-done-checked = Xidmət bu gün yoxlanılmış kimi qeyd olundu.
admin-services-files = Xidmətin məlumatlarını dəyişmək üçün onun faylını redaktə edin və qovluğu `homeward services import` əmri ilə yükləyin.

## Teams and routing (/admin/teams)
admin-teams-title = Komandalar
admin-teams-lead = Yeni sual bu siyahıda uyğun qaydası olan ilk komandaya göndərilir. Heç bir qaydaya uyğun gəlməyən sual əsas komandaya göndərilir.
admin-teams-none = Hələ komanda yoxdur. Komanda yaradılana qədər yeni suallar komandasız olaraq ümumi siyahıya düşür.
admin-team-order = Sıra
admin-team-name = Komandanın adı
admin-team-rules = Bölüşdürmə qaydaları
admin-team-languages = Komandanın danışdığı dillər
admin-team-languages-hint = Mütəxəssislər sualı ötürərkən onlara göstərilir.
admin-team-members = Üzvlər
admin-team-default-tag = Əsas komanda
admin-team-no-rules = Qayda yoxdur
admin-team-move-up = Yuxarı apar
admin-team-move-down = Aşağı apar
admin-team-new = Komanda əlavə et
admin-team-create = Komanda əlavə et
admin-team-title = Komanda
admin-team-back = Komandalara qayıt
admin-team-notify = Bildirişlər üçün e-poçt ünvanı (istəyə bağlı)
admin-team-notify-hint = Yeni sual daxil olanda və ya komandaya sual ötürüləndə bu ünvana məktub göndərilir. Məktubda şəxsi məlumat olmur.
admin-team-default = Bu, əsas komandadır
admin-team-default-hint = Heç bir qaydaya uyğun gəlməyən bütün suallar əsas komandaya göndərilir. Yalnız bir əsas komanda ola bilər.
admin-team-public = Sual verənə göstərilən ad
admin-team-public-hint = Xananı işarələsəniz, vəziyyət səhifəsində sual verənə onun sualı ilə hansı komandanın məşğul olduğu göstəriləcək. Ad onun dilində (və ya əsas dildə) göstərilir.
admin-team-show-publicly = Bu komandanın adını sual verənə göstər
admin-team-public-name = İctimai ad
admin-team-no-caseworkers = Hələ mütəxəssis hesabı yoxdur.
admin-team-rules-lead = Qayda o zaman suala uyğun gəlir ki, onda seçdiyiniz hər şərt suala uyğun olsun. Şərtin bütün suallara uyğun gəlməsi üçün onu «İstənilən» olaraq saxlayın.
admin-team-rule-topic = Mövzu
admin-team-rule-region = Bölgə
admin-team-rule-lang = Cavabın dili
admin-team-rule-any = İstənilən
admin-team-rule-add = Qayda əlavə et
admin-team-rule-remove = Sil
admin-team-delete-title = Bu komandanı sil
admin-team-delete-lead = Komandanın heç bir açıq sualı olmadıqda onu silə bilərsiniz. Əvvəlcə sualları başqa komandaya ötürün.
admin-team-delete = Komandanı sil
admin-team-done-saved = Komanda yadda saxlanıldı.
admin-team-done-created = Komanda əlavə edildi. İndi onun üzvlərini və qaydalarını əlavə edin.
admin-team-done-rule-added = Qayda əlavə edildi.
admin-team-done-rule-removed = Qayda silindi.
admin-team-done-moved = Komandaların sırası dəyişdirildi.
admin-team-done-deleted = Komanda silindi.
admin-team-error-name = Ən çoxu 100 simvoldan ibarət komanda adı daxil edin
admin-team-error-name-taken = Bu adda komanda artıq var
admin-team-error-email = E-poçt ünvanını düzgün formatda daxil edin, məsələn, name@example.org
admin-team-error-public-name = İctimai adı ən azı əsas dildə daxil edin və ya xananın işarəsini götürün
admin-team-error-public-name-long = İctimai ad ən çoxu 100 simvoldan ibarət ola bilər
admin-team-error-rule-empty = Mövzu, bölgə və ya dil seçin. Heç bir qaydaya uyğun gəlməyən suallar əsas komandaya göndərilir
admin-team-error-rule-choice = Siyahılardan seçin
admin-team-error-rule-exists = Bu komandanın artıq belə qaydası var
admin-team-error-open-inquiries = Bu komandanın hələ açıq sualları var. Əvvəlcə onları başqa komandaya ötürün

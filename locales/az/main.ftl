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

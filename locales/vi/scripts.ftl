## Kịch bản bán hàng: lời dẫn livestream và video ngắn (15, 30, 60 giây), chữ trên màn hình, ghi chú quay, tên các phần. Mỗi họ câu có nhiều phiên bản (-1, -2…) để hai sản phẩm không nghe giống nhau.

## Mở đầu phiên live.

scripts-welcome-1 = { $tone ->
    [warm] Xin chào cả nhà, chào bà con cô bác đã vào xem live với em! Bên em là { $coop }, ở { $province }. Hôm nay em mang lên mấy món nhà làm để giới thiệu với cả nhà. Ai mới vào thì bấm theo dõi kênh, rồi chia sẻ giúp em cho người thân cùng xem nhé.
    [energetic] Xin chào cả nhà! Chào mừng bà con đã vào phiên live hôm nay của { $coop }, từ { $province } đây! Hàng nhà làm, lên live là có ngay! Cả nhà bấm theo dõi và chia sẻ phiên live giúp em nha!
   *[expert] Xin chào quý khách và các anh chị đang theo dõi. Chúng tôi là { $coop }, ở { $province }. Hôm nay tôi sẽ giới thiệu kỹ từng sản phẩm: nguồn gốc, cách làm và cách dùng. Anh chị bấm theo dõi kênh và chia sẻ để người thân cùng xem.
    }
scripts-welcome-2 = { $tone ->
    [warm] Em chào cả nhà, chào các bác, các cô chú đang ngồi xem! Em là người của { $coop }, quê { $province }. Cả nhà cứ thong thả xem, thích món nào thì hỏi em nhé. Nhớ bấm theo dõi để lần sau em live là biết ngay, và chia sẻ cho bà con mình cùng vào xem.
    [energetic] Alô alô, cả nhà ơi, live bắt đầu rồi đây! { $coop } từ { $province } xin chào cả nhà! Ai vào rồi thì thả tim, bấm theo dõi, chia sẻ liền tay cho bạn bè cùng vào xem nha!
   *[expert] Kính chào quý khách. Đây là kênh bán hàng của { $coop }, ở { $province }. Các sản phẩm hôm nay do chính bà con ở đây làm ra; tôi sẽ cho anh chị xem tận mắt và trả lời từng câu hỏi. Anh chị bấm theo dõi và chia sẻ phiên live này giúp chúng tôi.
    }
scripts-welcome-3 = { $tone ->
    [warm] Chào cả nhà buổi hôm nay! Ở đây là { $coop }, nhà ở { $province }. Mấy món em giới thiệu đều là hàng quê do bà con làm ra, cả nhà xem thấy ưng thì ủng hộ em nhé. Ai thương thì bấm theo dõi và chia sẻ phiên live giúp em.
    [energetic] Cả nhà ơi, vào đây, vào đây! Phiên live của { $coop } từ { $province } bắt đầu rồi! Hàng quê nhà làm, cả nhà bấm theo dõi, chia sẻ cho người thân để không bỏ lỡ nha!
   *[expert] Xin chào các anh chị. Tôi đại diện cho { $coop } ở { $province }. Buổi live hôm nay dành để giới thiệu sản phẩm của đơn vị: anh chị xem tận mắt, nghe về cách làm, rồi tự đánh giá. Nếu thấy hữu ích, anh chị bấm theo dõi và chia sẻ giúp.
    }
scripts-disclosure = Em xin nói rõ để cả nhà biết: đây là phiên livestream bán hàng, quảng cáo sản phẩm của { $coop }.

## Câu gây chú ý đầu mỗi vòng giới thiệu sản phẩm (khoảng 3 giây).

scripts-hook-1 = { $tone ->
    [warm] Cả nhà ơi, dừng lại chút xem { $product } của bà con { $province } nhé!
    [energetic] Khoan lướt đã cả nhà! { $product } đây, giá chỉ từ { $price } thôi!
   *[expert] Mời anh chị xem kỹ { $product }, làm ra ở { $province }.
    }
scripts-hook-2 = { $tone ->
    [warm] Ai đang tìm quà quê { $province } thì xem ngay { $product } này nhé!
    [energetic] { $product } về rồi cả nhà ơi, giá chỉ từ { $price }!
   *[expert] Một sản phẩm đáng xem của { $province }: { $product }.
    }
scripts-hook-3 = { $tone ->
    [warm] Cả nhà nhìn đây, { $product } của { $province } đây rồi, em mở ra cho xem liền!
    [energetic] Giá chỉ từ { $price } mà có ngay { $product } của bà con { $province }, xem liền cả nhà ơi!
   *[expert] { $product }, giá từ { $price }. Anh chị cho tôi một phút để giới thiệu.
    }
scripts-hook-4 = { $tone ->
    [warm] { $stars ->
        [0] Cả nhà ơi, { $product } của bà con { $province } lên sóng rồi đây!
       *[other] Cả nhà ơi, { $product } đạt OCOP { $stars } sao của { $province } lên sóng rồi đây!
    }
    [energetic] { $stars ->
        [0] Hàng quê { $province } lên sóng! { $product }, giá chỉ từ { $price }!
       *[other] Sản phẩm OCOP { $stars } sao đây cả nhà ơi! { $product }, giá chỉ từ { $price }!
    }
   *[expert] { $stars ->
        [0] Mời anh chị tìm hiểu { $product }, làm ra tại { $province }.
       *[other] { $product } là sản phẩm đã được đánh giá, công nhận OCOP { $stars } sao.
    }
    }

## Câu chuyện sản phẩm.

scripts-story-1 = Để em kể cả nhà nghe { $product } từ đâu mà có. { $story } Đó là cách bà con ở { $province } làm ra sản phẩm này, và { $coop } mang lên đây để cả nhà cùng biết.
scripts-story-2 = { $product } là hàng của { $coop }, ở { $province }. { $story } Cả nhà nghe vậy là hiểu vì sao bà con mình quý sản phẩm này rồi đó.
scripts-story-3 = Nhiều bác hỏi em { $product } làm ở đâu, làm thế nào. Em xin kể ngắn gọn. { $story } Đây là công sức của { $coop } ở { $province } đó cả nhà.

## Cho xem sản phẩm, hướng dẫn cách dùng.

scripts-demo-1 = Giờ em mở { $product } ra cho cả nhà xem tận mắt nhé. Cả nhà nhìn màu sắc này, em đưa lại gần máy cho rõ. Định lượng { $weight }, thành phần ghi trên nhãn: { $ingredients } — nhãn ghi sao em nói vậy. Còn cách dùng thì thế này: { $usage }
scripts-demo-2 = Cả nhà nhìn kỹ nhé, đây là { $product }, loại { $weight }. Em lật nhãn cho cả nhà đọc thành phần: { $ingredients } — ghi rõ ràng, dễ hiểu. Cách dùng em hướng dẫn luôn: { $usage }
scripts-demo-3 = Em làm thử cho cả nhà xem liền. { $product } mở ra là thế này đây, cả nhà nhìn màu, nhìn kỹ từng chi tiết. Định lượng { $weight }, thành phần gồm { $ingredients } — in đầy đủ trên bao bì. Dùng thì đơn giản thôi: { $usage }

## Chứng nhận OCOP (chỉ dùng khi giấy chứng nhận còn hiệu lực).

scripts-proof-1 = { $stars ->
    [0] Cả nhà xem nhãn và địa chỉ nơi làm ra { $product } ngay trên bao bì, em đưa lại gần cho rõ nhé.
    [5] Cả nhà nhìn đây, đây là giấy chứng nhận OCOP { $stars } sao của { $product }. Sản phẩm đã qua hội đồng cấp tỉnh rồi hội đồng trung ương chấm điểm và công nhận, giấy còn hiệu lực đến { $until }. Em để gần máy cho cả nhà đọc rõ nhé.
   *[other] Cả nhà nhìn đây, đây là giấy chứng nhận OCOP { $stars } sao của { $product }. Sản phẩm đã được hội đồng đánh giá của tỉnh chấm điểm và công nhận, giấy còn hiệu lực đến { $until }. Em để gần máy cho cả nhà đọc rõ nhé.
    }
scripts-proof-2 = { $stars ->
    [0] { $product } có nhãn ghi rõ nơi làm ra, cả nhà xem trên bao bì nhé.
   *[other] Nhiều bác hỏi hàng có giấy tờ không, em đưa ra đây luôn: { $product } được công nhận là sản phẩm OCOP { $stars } sao, giấy chứng nhận còn hạn đến { $until }. Cả nhà chụp màn hình lại để xem cho kỹ.
    }

## Nguồn gốc (thay cho chứng nhận khi chưa có giấy chứng nhận còn hiệu lực).

scripts-origin-1 = Em nói rõ nguồn gốc để cả nhà yên tâm: { $product } do { $coop } làm ra, ở { $province }. Cả nhà nhìn nhãn đây, có tên và địa chỉ nơi làm ra, em đưa gần máy cho rõ.
scripts-origin-2 = { $product } là hàng do { $coop } ở { $province } làm ra và đóng gói. Em lật nhãn cho cả nhà xem tên, địa chỉ cơ sở. Cả nhà ở gần muốn ghé tận nơi xem cũng được ạ.

## Giá bán, khi không có ưu đãi riêng.

scripts-offer-1 = { $tone ->
    [warm] Giá { $product } hôm nay là từ { $price }, loại { $weight }. Cả nhà ưng thì bấm vào giỏ hàng ở góc màn hình, chọn sản phẩm rồi đặt nhé, em gói cẩn thận gửi đi.
    [energetic] Giá đây cả nhà ơi! { $product }, loại { $weight }, giá chỉ từ { $price }! Bấm giỏ hàng ngay, lên đơn liền tay nha!
   *[expert] Về giá: { $product } loại { $weight } có giá từ { $price }. Anh chị bấm vào giỏ hàng trên màn hình, chọn đúng loại rồi đặt hàng.
    }
scripts-offer-2 = { $tone ->
    [warm] Cả nhà hỏi giá thì em nói luôn: { $product }, loại { $weight }, giá từ { $price } thôi ạ. Bấm giỏ hàng là đặt được, em gửi tận nhà.
    [energetic] Giá đây cả nhà ơi: { $product }, loại { $weight }, chỉ từ { $price }! Giỏ hàng đang mở, bấm vào là có!
   *[expert] { $product } hiện có giá từ { $price }, định lượng { $weight }. Anh chị đặt qua giỏ hàng ngay trong phiên live này.
    }
scripts-offer-3 = { $tone ->
    [warm] Giá thì nhẹ nhàng thôi cả nhà: { $product } từ { $price }, loại { $weight }. Mua về dùng hay biếu ông bà, bố mẹ đều hợp. Bấm vào giỏ hàng để đặt nhé.
    [energetic] Một, hai, ba, giá đây! { $product } loại { $weight } chỉ từ { $price }! Cả nhà bấm giỏ hàng, chọn sản phẩm, đặt ngay kẻo lỡ!
   *[expert] Giá niêm yết của { $product }: từ { $price } cho loại { $weight }. Anh chị xem kỹ phân loại trong giỏ hàng trước khi đặt.
    }

## Giá bán kèm ưu đãi người dùng nhập.

scripts-offer-special = { $tone ->
    [warm] Hôm nay bên em có ưu đãi riêng cho cả nhà: { $offer }. { $product } giá từ { $price }, cả nhà bấm giỏ hàng đặt sớm để được hưởng ưu đãi nhé.
    [energetic] Tin vui cả nhà ơi! Phiên live hôm nay có ưu đãi: { $offer }! { $product } giá từ { $price }, bấm giỏ hàng ngay kẻo hết ưu đãi!
   *[expert] Ưu đãi dành cho người xem hôm nay: { $offer }. Giá { $product } từ { $price }; anh chị đặt qua giỏ hàng trong phiên live để được áp dụng.
    }

## Mời hỏi và trả lời các câu hay gặp.

scripts-questions-1 = Cả nhà có thắc mắc gì về { $product } thì cứ bình luận bên dưới, em trả lời từng người. Em nói trước mấy câu hay được hỏi. Hạn sử dụng: { $shelf }. Bảo quản thì thế này: { $storage } Còn giao hàng thì cả nhà để lại địa chỉ, em báo phí gửi và ngày nhận cụ thể.
scripts-questions-2 = Cả nhà hỏi gì em cũng trả lời, cứ gõ vào phần bình luận nhé. Nhiều bác hỏi { $product } để được bao lâu: { $shelf }. Cách bảo quản: { $storage } Gửi đi tỉnh xa có được không? Được cả nhà ạ, em đóng gói kỹ rồi mới gửi.

## Kêu gọi mua.

scripts-cta-1 = { $tone ->
    [warm] Cả nhà ưng { $product } thì bấm vào giỏ hàng đặt luôn nhé, giá từ { $price }. Hàng hôm nay em mang lên có hạn, hết là phải chờ đợt sau đó ạ.
    [energetic] Nhanh tay cả nhà ơi! Bấm giỏ hàng ngay, { $product } giá từ { $price }, số lượng hôm nay có hạn thôi!
   *[expert] Nếu anh chị quan tâm tới { $product }, xin đặt ngay trong giỏ hàng, giá từ { $price }. Số lượng trong phiên hôm nay có hạn.
    }
scripts-cta-2 = { $tone ->
    [warm] Em nhắc lại cho cả nhà mới vào: { $product }, giá từ { $price }. Bấm giỏ hàng ở góc màn hình là đặt được, hàng có hạn nên cả nhà đặt sớm giúp em.
    [energetic] Giỏ hàng đang chờ cả nhà đó! { $product } chỉ từ { $price }, hàng hôm nay có hạn, bấm đặt liền đi cả nhà!
   *[expert] Tóm lại: { $product }, giá từ { $price }. Anh chị bấm vào giỏ hàng để đặt; lượng hàng chuẩn bị cho phiên này có hạn.
    }
scripts-cta-3 = { $tone ->
    [warm] Cả nhà đừng chần chừ nhé, { $product } giá từ { $price }, bấm giỏ hàng là em gói gửi đi ngay. Hôm nay em chỉ mang lên một ít thôi ạ.
    [energetic] Ba, hai, một, bấm giỏ hàng nào! { $product } giá từ { $price }, hàng hôm nay có hạn, ai nhanh thì có trước!
   *[expert] Anh chị có thể đặt { $product } ngay bây giờ qua giỏ hàng, giá từ { $price }. Số lượng hôm nay có hạn, anh chị nên đặt sớm.
    }

## Chào người mới vào giữa phiên.

scripts-rehook-1 = Chào cả nhà mới vào! Đây là phiên live bán hàng của { $coop }, mình live được { $minute } phút rồi. Em đang giới thiệu hàng nhà làm, cả nhà bấm theo dõi rồi xem tiếp với em nhé.
scripts-rehook-2 = Ai mới vào thì em chào nhé! Đây là { $coop }, live được { $minute } phút rồi. Em đang giới thiệu từng sản phẩm, thích món nào thì bấm giỏ hàng, có câu hỏi gì cứ bình luận, em trả lời liền.

## Kết thúc phiên.

scripts-closing-1 = { $tone ->
    [warm] Phiên live hôm nay đến đây là hết rồi. { $coop } cảm ơn cả nhà đã ở lại xem và ủng hộ. Đơn nào đặt rồi em sẽ gói gửi sớm. Hẹn cả nhà phiên sau, nhớ bấm theo dõi để biết lịch live nhé. Chào cả nhà!
    [energetic] Cảm ơn cả nhà đã vào xem và ủng hộ nhiệt tình! { $coop } xin chào tạm biệt, phiên sau còn nhiều món hay nữa, cả nhà bấm theo dõi để không bỏ lỡ nha! Chào cả nhà!
   *[expert] Buổi giới thiệu hôm nay xin dừng ở đây. Thay mặt { $coop }, tôi cảm ơn anh chị đã theo dõi. Đơn hàng sẽ được xác nhận và gửi đi sớm. Hẹn gặp lại anh chị ở phiên sau.
    }
scripts-closing-2 = { $tone ->
    [warm] Thôi, em xin phép chào cả nhà. Cảm ơn bà con, cô bác đã xem live của { $coop } hôm nay. Phiên sau em lại lên với nhiều món quê khác, cả nhà nhớ ghé nhé. Chúc cả nhà mạnh khỏe, vui vẻ!
    [energetic] Hết giờ rồi cả nhà ơi! { $coop } cảm ơn cả nhà đã vào xem, thả tim, chia sẻ. Phiên sau gặp lại, nhớ bấm theo dõi nha! Tạm biệt cả nhà!
   *[expert] Cảm ơn anh chị đã dành thời gian cho { $coop } hôm nay. Nếu còn câu hỏi, anh chị cứ nhắn tin cho kênh, chúng tôi sẽ trả lời. Hẹn gặp lại ở phiên tới.
    }

## Video ngắn: lời thuyết minh.

scripts-short-hook-1 = { $tone ->
    [warm] Cả nhà đã biết { $product } của { $province } chưa?
    [energetic] Dừng lại 3 giây thôi! { $product } của { $province } đây!
   *[expert] Đây là { $product }, làm ra ở { $province }.
    }
scripts-short-hook-2 = { $tone ->
    [warm] Quà quê { $province } đây cả nhà: { $product }!
    [energetic] Ai mê hàng quê { $province } thì xem ngay { $product }!
   *[expert] Cùng xem { $product } được làm ra ở { $province } như thế nào.
    }
scripts-short-hook-3 = { $tone ->
    [warm] Em mở { $product } từ { $province } cho cả nhà xem nhé!
    [energetic] { $product } từ { $province } lên sóng, xem liền cả nhà ơi!
   *[expert] { $product }: nguồn gốc { $province }, mời anh chị xem kỹ.
    }
scripts-short-story-1 = { $product } đến từ { $province }. { $story }
scripts-short-story-2 = Ở { $province }, bà con làm ra { $product } như thế này. { $story }
scripts-short-demo-1 = Mở ra xem nhé: { $product }, định lượng { $weight }, thành phần { $ingredients } — ghi rõ trên nhãn.
scripts-short-demo-2 = Cận cảnh { $product } đây cả nhà. Loại { $weight }, làm từ { $ingredients } — cả nhà nhìn tận mắt cho rõ.
scripts-short-proof = { $stars ->
    [0] { $product } có nhãn ghi rõ nơi làm ra, cả nhà xem trên bao bì nhé.
   *[other] { $product } là sản phẩm OCOP { $stars } sao, giấy chứng nhận đây cả nhà.
    }
scripts-short-cta-1 = { $product } giá từ { $price }. Bấm vào giỏ hàng để đặt ngay nhé!
scripts-short-cta-2 = Muốn có { $product } thì bấm giỏ hàng, giá từ { $price } thôi cả nhà!

## Chữ trên màn hình (ngắn, khoảng 6 chữ).

scripts-screen-hook = Xem ngay: { $product }
scripts-screen-story = Câu chuyện từ { $province }
scripts-screen-demo = Định lượng: { $weight }
scripts-screen-proof = { $stars ->
    [0] Rõ nguồn gốc, rõ nơi làm
   *[other] OCOP { $stars } sao
    }
scripts-screen-origin = Làm ra tại { $province }
scripts-screen-offer = Giá từ { $price }
scripts-screen-offer-special = Ưu đãi: { $offer }
scripts-screen-questions = Hỏi gì cứ bình luận nhé
scripts-screen-cta = Bấm giỏ hàng – từ { $price }
scripts-screen-welcome = Live bán hàng – { $coop }
scripts-screen-rehook = Chào bạn mới vào – { $coop }
scripts-screen-closing = Cảm ơn cả nhà, hẹn gặp lại!

## Ghi chú cho người dẫn và người quay.

scripts-note-welcome = Nhìn thẳng vào máy, cười chào. Bày sẵn các sản phẩm phía sau. Nói rõ đây là phiên quảng cáo bán hàng.
scripts-note-hook = Cầm { $product } giơ sát máy, nói to, rõ ngay trong 3 giây đầu.
scripts-note-story = Quay cận nhãn, chiếu ảnh vùng nguyên liệu nếu có. Nói chậm, kể như chuyện nhà.
scripts-note-demo = Mở { $product } ngay trước máy, quay cận màu sắc, bề mặt. Làm mẫu cách dùng từng bước.
scripts-note-proof = Giơ giấy chứng nhận OCOP sát máy, giữ yên vài giây cho người xem đọc rõ số sao và ngày hết hạn.
scripts-note-origin = Quay cận nhãn: tên cơ sở, địa chỉ. Không nói OCOP hay số sao khi chưa có giấy chứng nhận còn hiệu lực.
scripts-note-offer = Để { $product } cạnh bảng giá. Ghim sản phẩm vào giỏ hàng trước khi nói giá.
scripts-note-questions = Đọc to tên người hỏi và câu hỏi rồi mới trả lời. Ghi lại câu nào chưa trả lời được.
scripts-note-cta = Chỉ tay vào giỏ hàng trên màn hình. Nói chậm, nhắc giá thêm một lần.
scripts-note-rehook = Chào người mới vào, nhắc tên cơ sở và sản phẩm đang giới thiệu. Nói ngắn gọn rồi quay lại phần đang dở.
scripts-note-closing = Cảm ơn, vẫy tay chào. Báo lịch phiên sau nếu đã biết. Kiểm tra lại các đơn vừa đặt.

## Cảnh quay cho video ngắn.

scripts-shot-hook = Cận cảnh { $product }, đưa lại gần ống kính.
scripts-shot-story = Cảnh quê { $province }: vườn, đồi, ruộng, nơi làm, người làm.
scripts-shot-demo = Cận tay mở { $product }, quay màu sắc, bề mặt và cách dùng.
scripts-shot-proof = Cận giấy chứng nhận OCOP, thấy rõ số sao và ngày hết hạn.
scripts-shot-cta = Sản phẩm và giá trên màn hình, tay chỉ vào giỏ hàng.

## Tên các phần của kịch bản.

scripts-purpose-welcome = Mở đầu
scripts-purpose-hook = Gây chú ý
scripts-purpose-story = Câu chuyện
scripts-purpose-demo = Trình diễn
scripts-purpose-proof = Chứng nhận OCOP
scripts-purpose-origin = Nguồn gốc
scripts-purpose-offer = Giá và ưu đãi
scripts-purpose-questions = Trả lời câu hỏi
scripts-purpose-cta = Kêu gọi mua
scripts-purpose-rehook = Chào người mới vào
scripts-purpose-closing = Kết thúc

## Loại kịch bản và giọng dẫn.

scripts-kind-livestream = Livestream
scripts-kind-short15 = Video ngắn 15 giây
scripts-kind-short30 = Video ngắn 30 giây
scripts-kind-short60 = Video ngắn 60 giây
scripts-tone-warm = Thân tình, như người nhà
scripts-tone-energetic = Sôi nổi, như người bán ở chợ
scripts-tone-expert = Điềm đạm, giải thích kỹ

## Chỗ còn thiếu thông tin, nhãn và tiêu đề.

scripts-gap = [Cần bổ sung: { $what }]
scripts-gap-story = câu chuyện của sản phẩm
scripts-gap-price = giá bán
scripts-gap-weight = định lượng
scripts-gap-ingredients = thành phần
scripts-gap-usage = cách dùng
scripts-gap-storage = cách bảo quản
scripts-gap-shelf = hạn sử dụng
scripts-minute = Phút { $minute }
scripts-hashtags-label = Hashtag
scripts-disclosure-missing = Kịch bản chưa có câu nào nói đây là quảng cáo. Người dẫn phải nói rõ điều này: hãy thêm vào phần mở đầu một câu như “Đây là phiên livestream bán hàng, quảng cáo sản phẩm của hợp tác xã.”
scripts-title = { $count ->
    [0] Kịch bản mới
    [1] Kịch bản { $product }
   *[other] Kịch bản { $product } và các sản phẩm khác ({ $count } sản phẩm)
    }
scripts-pace = Tốc độ nói { $wpm } từ/phút
scripts-label-time = Thời điểm
scripts-label-part = Phần
scripts-label-say = Lời dẫn
scripts-label-screen = Chữ trên màn hình
scripts-label-notes = Ghi chú

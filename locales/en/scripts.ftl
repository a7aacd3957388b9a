## Selling scripts: livestream and short-video (15, 30, 60 s) lines, on-screen text, shot notes, part names. Each family of lines has several variants (-1, -2…) so two products do not sound the same.

## Opening of a livestream.

scripts-welcome-1 = { $tone ->
    [warm] Hello everyone, and welcome to all the aunties and uncles watching with me! We are { $coop }, from { $province }. Today I have brought a few things we make ourselves to show you. If you have just joined, follow the channel and share the live so your family can watch too.
    [energetic] Hello everyone! Welcome to today's live from { $coop }, all the way from { $province }! Homemade goods, straight to you! Follow and share the live for me!
   *[expert] Hello, and welcome to everyone watching. We are { $coop }, from { $province }. Today I will present each product carefully: where it comes from, how it is made and how to use it. Please follow the channel and share it so your family can watch too.
    }
scripts-welcome-2 = { $tone ->
    [warm] Hello everyone, hello to all the aunties and uncles sitting with us! I am with { $coop }, from { $province }. Take your time, and if something catches your eye, just ask me. Follow the channel so you know next time I go live, and share it so our folks can join too.
    [energetic] Hello, hello, everyone, we are live! { $coop } from { $province } says hello! If you are here, send a heart, follow, and share the live with your friends right away!
   *[expert] Good day, everyone. This is the sales channel of { $coop }, in { $province }. Today's products are made by the people here themselves; I will show them to you up close and answer every question. Please follow and share this live for us.
    }
scripts-welcome-3 = { $tone ->
    [warm] Good day, everyone! This is { $coop }, from { $province }. Everything I show you today is country produce made by our folks here, so if you like it, please support us. If you care to, follow and share the live for me.
    [energetic] Come on in, everyone, come on in! The { $coop } live from { $province } has started! Homemade goods from the countryside: follow and share with your family so you don't miss a thing!
   *[expert] Hello, everyone. I represent { $coop } in { $province }. Today's live is for presenting our products: see them for yourself, hear how they are made, then judge for yourself. If you find it useful, please follow and share.
    }
scripts-disclosure = To be clear with everyone: this is a selling livestream, advertising the products of { $coop }.

## Hook at the start of each product cycle (about 3 seconds).

scripts-hook-1 = { $tone ->
    [warm] Everyone, stop for a moment and look at { $product } from the folks of { $province }!
    [energetic] Don't scroll yet, everyone! Here is { $product }, from just { $price }!
   *[expert] Take a close look at { $product }, made in { $province }.
    }
scripts-hook-2 = { $tone ->
    [warm] If you are looking for a gift from the countryside of { $province }, look at this { $product }!
    [energetic] { $product } is here, everyone, from just { $price }!
   *[expert] A product from { $province } worth a look: { $product }.
    }
scripts-hook-3 = { $tone ->
    [warm] Look here, everyone, here is { $product } from { $province }, I'll open it for you right now!
    [energetic] From just { $price } you get { $product } from the folks of { $province }, take a look, everyone!
   *[expert] { $product }, from { $price }. Give me one minute to present it.
    }
scripts-hook-4 = { $tone ->
    [warm] { $stars ->
        [0] Everyone, { $product } from the folks of { $province } is on air!
       *[other] Everyone, { $product } from { $province }, a { $stars }-star OCOP product, is on air!
    }
    [energetic] { $stars ->
        [0] Country goods from { $province } on air! { $product }, from just { $price }!
       *[other] A { $stars }-star OCOP product, everyone! { $product }, from just { $price }!
    }
   *[expert] { $stars ->
        [0] Let me introduce { $product }, made in { $province }.
       *[other] { $product } has been assessed and recognised as a { $stars }-star OCOP product.
    }
    }

## The product's story.

scripts-story-1 = Let me tell you where { $product } comes from. { $story } That is how the folks in { $province } make it, and { $coop } has brought it here so you can get to know it.
scripts-story-2 = { $product } comes from { $coop }, in { $province }. { $story } Hearing that, you can see why our folks hold it so dear.
scripts-story-3 = Many of you ask me where and how { $product } is made. Let me tell you in short. { $story } This is the work of { $coop } in { $province }, everyone.

## Showing the product and how to use it.

scripts-demo-1 = Now I'll open { $product } so you can see it for yourselves. Look at the colour, I'll bring it closer to the camera. Net quantity { $weight }, and the label lists the ingredients: { $ingredients } — I only tell you what the label says. And here is how to use it: { $usage }
scripts-demo-2 = Look closely, everyone, this is { $product }, { $weight }. Let me turn the label so you can read the ingredients: { $ingredients } — clear and simple. I'll show you how to use it too: { $usage }
scripts-demo-3 = Let me try it for you right now. This is { $product } opened up, look at the colour and every detail. Net quantity { $weight }, made of { $ingredients } — all printed on the package. Using it is simple: { $usage }

## OCOP certificate (only while the certificate is valid).

scripts-proof-1 = { $stars ->
    [0] You can see the label and the address where { $product } is made right on the package; I'll bring it closer.
    [5] Look here, everyone: this is the { $stars }-star OCOP certificate of { $product }. It was scored and recognised by the provincial council and then the national council, and the certificate is valid until { $until }. I'll hold it close to the camera so you can read it.
   *[other] Look here, everyone: this is the { $stars }-star OCOP certificate of { $product }. It was scored and recognised by the province's assessment council, and the certificate is valid until { $until }. I'll hold it close to the camera so you can read it.
    }
scripts-proof-2 = { $stars ->
    [0] { $product } has a label that says clearly where it is made; you can see it on the package.
   *[other] Many of you ask whether it has papers, so here they are: { $product } is recognised as a { $stars }-star OCOP product, and the certificate is valid until { $until }. Take a screenshot to look at it closely.
    }

## Origin (instead of the certificate when there is no valid one).

scripts-origin-1 = Let me be clear about where it comes from, so you can buy with peace of mind: { $product } is made by { $coop }, in { $province }. Look at the label, it has the maker's name and address; I'll bring it close to the camera.
scripts-origin-2 = { $product } is made and packed by { $coop } in { $province }. Let me turn the label so you can see the maker's name and address. If you live nearby, you are welcome to come and see for yourself.

## Price, without a special deal.

scripts-offer-1 = { $tone ->
    [warm] Today { $product } is from { $price }, { $weight }. If you like it, tap the cart in the corner of the screen, choose the product and order; I'll pack it carefully and send it off.
    [energetic] Here's the price, everyone! { $product }, { $weight }, from just { $price }! Tap the cart now and order right away!
   *[expert] On price: { $product }, { $weight }, costs from { $price }. Tap the cart on the screen, choose the right option and place your order.
    }
scripts-offer-2 = { $tone ->
    [warm] You asked about the price, so here it is: { $product }, { $weight }, only from { $price }. Tap the cart to order and I'll send it to your door.
    [energetic] Here's the price, everyone: { $product }, { $weight }, from just { $price }! The cart is open, tap and it's yours!
   *[expert] { $product } is currently from { $price }, net quantity { $weight }. You can order through the cart right here in this live.
    }
scripts-offer-3 = { $tone ->
    [warm] The price is gentle, everyone: { $product } from { $price }, { $weight }. Good for your own home or as a gift for your parents and grandparents. Tap the cart to order.
    [energetic] One, two, three, here's the price! { $product }, { $weight }, from just { $price }! Tap the cart, choose the product, order now before you miss it!
   *[expert] The listed price of { $product }: from { $price } for { $weight }. Please check the options in the cart carefully before you order.
    }

## Price with the deal the user typed.

scripts-offer-special = { $tone ->
    [warm] Today we have a special deal for you: { $offer }. { $product } is from { $price }; tap the cart and order early to get the deal.
    [energetic] Good news, everyone! Today's live has a deal: { $offer }! { $product } from { $price }, tap the cart now before the deal ends!
   *[expert] Today's offer for viewers: { $offer }. { $product } is from { $price }; order through the cart during this live for the offer to apply.
    }

## Inviting questions and answering the common ones.

scripts-questions-1 = If you have any questions about { $product }, just comment below and I'll answer each of you. Let me answer a few common ones first. Shelf life: { $shelf }. Here is how to store it: { $storage } As for delivery, leave your address and I'll tell you the shipping fee and delivery date.
scripts-questions-2 = Ask me anything and I'll answer, just type it in the comments. Many of you ask how long { $product } keeps: { $shelf }. Storage: { $storage } Can we send it to faraway provinces? Yes, everyone, I pack it carefully before sending.

## Call to buy.

scripts-cta-1 = { $tone ->
    [warm] If you like { $product }, tap the cart and order now, from { $price }. I only brought a limited amount today; once it's gone you'll have to wait for the next batch.
    [energetic] Quick, everyone! Tap the cart now, { $product } from { $price }, stock is limited today!
   *[expert] If you are interested in { $product }, please order now in the cart, from { $price }. Quantities in today's session are limited.
    }
scripts-cta-2 = { $tone ->
    [warm] Once more for those who just joined: { $product }, from { $price }. Tap the cart in the corner of the screen to order; stock is limited, so please order early.
    [energetic] The cart is waiting for you, everyone! { $product } from just { $price }, stock is limited today, tap and order right now!
   *[expert] To sum up: { $product }, from { $price }. Tap the cart to order; the stock prepared for this session is limited.
    }
scripts-cta-3 = { $tone ->
    [warm] Don't wait too long, everyone: { $product } from { $price }, tap the cart and I'll pack and send it right away. I only brought a little today.
    [energetic] Three, two, one, tap the cart! { $product } from { $price }, stock is limited today, first come, first served!
   *[expert] You can order { $product } right now through the cart, from { $price }. Quantities are limited today, so please order early.
    }

## Welcoming people who join mid-stream.

scripts-rehook-1 = Welcome to everyone who just joined! This is the selling live of { $coop }, and we have been live for { $minute } minutes. I'm presenting our homemade goods; follow the channel and keep watching with me.
scripts-rehook-2 = Hello to everyone who just came in! This is { $coop }, live for { $minute } minutes now. I'm presenting each product in turn; if you like one, tap the cart, and if you have a question, comment and I'll answer right away.

## Closing of a livestream.

scripts-closing-1 = { $tone ->
    [warm] That's all for today's live. { $coop } thanks you for staying with us and for your support. I'll pack and send every order soon. See you at the next live; follow the channel to know when it is. Goodbye, everyone!
    [energetic] Thank you all for watching and for your great support! { $coop } says goodbye for now, there is plenty more next time, so follow so you don't miss it! Bye, everyone!
   *[expert] We will stop today's presentation here. On behalf of { $coop }, thank you for watching. Your orders will be confirmed and sent soon. See you at the next session.
    }
scripts-closing-2 = { $tone ->
    [warm] Well, it's time for me to say goodbye. Thank you, everyone, for watching the { $coop } live today. Next time I'll be back with more from the countryside, so do drop by. Wishing you all good health and happiness!
    [energetic] Time's up, everyone! { $coop } thanks you for watching, sending hearts and sharing. See you next time, remember to follow! Goodbye, everyone!
   *[expert] Thank you for spending your time with { $coop } today. If you have more questions, send the channel a message and we will answer. See you at the next session.
    }

## Short video: voice-over.

scripts-short-hook-1 = { $tone ->
    [warm] Have you heard of { $product } from { $province }?
    [energetic] Stop for just 3 seconds! Here is { $product } from { $province }!
   *[expert] This is { $product }, made in { $province }.
    }
scripts-short-hook-2 = { $tone ->
    [warm] A gift from the countryside of { $province }, everyone: { $product }!
    [energetic] If you love country goods from { $province }, look at { $product }!
   *[expert] Let's see how { $product } is made in { $province }.
    }
scripts-short-hook-3 = { $tone ->
    [warm] Let me open { $product } from { $province } for you!
    [energetic] { $product } from { $province } is on air, take a look, everyone!
   *[expert] { $product }: from { $province }, please take a close look.
    }
scripts-short-story-1 = { $product } comes from { $province }. { $story }
scripts-short-story-2 = In { $province }, this is how the folks make { $product }. { $story }
scripts-short-demo-1 = Let's open it: { $product }, net quantity { $weight }, ingredients { $ingredients } — all on the label.
scripts-short-demo-2 = A close look at { $product }, everyone. { $weight }, made of { $ingredients } — see it for yourself.
scripts-short-proof = { $stars ->
    [0] { $product } has a label that says clearly where it is made; see it on the package.
   *[other] { $product } is a { $stars }-star OCOP product, and here is the certificate.
    }
scripts-short-cta-1 = { $product } from { $price }. Tap the cart to order now!
scripts-short-cta-2 = Want { $product }? Tap the cart, from just { $price }!

## On-screen text (short, about 6 words).

scripts-screen-hook = Now showing: { $product }
scripts-screen-story = A story from { $province }
scripts-screen-demo = Net quantity: { $weight }
scripts-screen-proof = { $stars ->
    [0] Clear origin, known maker
   *[other] { $stars }-star OCOP
    }
scripts-screen-origin = Made in { $province }
scripts-screen-offer = From { $price }
scripts-screen-offer-special = Offer: { $offer }
scripts-screen-questions = Ask us in the comments
scripts-screen-cta = Tap the cart – from { $price }
scripts-screen-welcome = Selling live – { $coop }
scripts-screen-rehook = Welcome, newcomers – { $coop }
scripts-screen-closing = Thank you, see you soon!

## Notes for the host and the camera person.

scripts-note-welcome = Look straight at the camera and smile. Lay the products out behind you. Say clearly that this is an advertising livestream.
scripts-note-hook = Hold { $product } up close to the camera and speak loud and clear in the first 3 seconds.
scripts-note-story = Film the label up close and show photos of where the raw materials come from, if you have them. Speak slowly, as if telling a family story.
scripts-note-demo = Open { $product } in front of the camera and film the colour and texture up close. Show how to use it step by step.
scripts-note-proof = Hold the OCOP certificate close to the camera and keep it still for a few seconds so viewers can read the stars and the expiry date.
scripts-note-origin = Film the label up close: maker's name and address. Do not mention OCOP or stars without a valid certificate.
scripts-note-offer = Place { $product } next to the price board. Pin the product to the cart before you say the price.
scripts-note-questions = Read out the viewer's name and question before answering. Write down any question you cannot answer yet.
scripts-note-cta = Point at the cart on the screen. Speak slowly and repeat the price once more.
scripts-note-rehook = Greet newcomers, repeat the maker's name and the product being presented. Keep it short, then go back to where you were.
scripts-note-closing = Say thank you and wave goodbye. Announce the next session if you know it. Check the orders that just came in.

## Shots for short videos.

scripts-shot-hook = Close-up of { $product }, brought near the lens.
scripts-shot-story = Countryside of { $province }: gardens, hills, fields, the workplace, the makers.
scripts-shot-demo = Close-up of hands opening { $product }; film the colour, texture and how to use it.
scripts-shot-proof = Close-up of the OCOP certificate, with the stars and expiry date readable.
scripts-shot-cta = Product and price on screen, a hand pointing at the cart.

## Names of a script's parts.

scripts-purpose-welcome = Opening
scripts-purpose-hook = Hook
scripts-purpose-story = Story
scripts-purpose-demo = Demonstration
scripts-purpose-proof = OCOP certificate
scripts-purpose-origin = Origin
scripts-purpose-offer = Price and offer
scripts-purpose-questions = Questions
scripts-purpose-cta = Call to buy
scripts-purpose-rehook = Welcome newcomers
scripts-purpose-closing = Closing

## Script kinds and tones.

scripts-kind-livestream = Livestream
scripts-kind-short15 = Short video, 15 seconds
scripts-kind-short30 = Short video, 30 seconds
scripts-kind-short60 = Short video, 60 seconds
scripts-tone-warm = Warm, like family
scripts-tone-energetic = Lively, like a market seller
scripts-tone-expert = Calm, explaining in detail

## Missing facts, labels and titles.

scripts-gap = [To fill in: { $what }]
scripts-gap-story = the product's story
scripts-gap-price = price
scripts-gap-weight = net quantity
scripts-gap-ingredients = ingredients
scripts-gap-usage = how to use
scripts-gap-storage = how to store
scripts-gap-shelf = shelf life
scripts-minute = Minute { $minute }
scripts-hashtags-label = Hashtags
scripts-disclosure-missing = The script never says that it is advertising. The host must say so: add a sentence to the opening such as “This is a selling livestream, advertising the cooperative's products.”
scripts-title = { $count ->
    [0] New script
    [1] Script: { $product }
   *[other] Script: { $product } and other products ({ $count } products)
    }
scripts-pace = Speaking pace { $wpm } words/min
scripts-label-time = Time
scripts-label-part = Part
scripts-label-say = What to say
scripts-label-screen = On screen
scripts-label-notes = Notes

package org.commercemesh.user.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.order.v1.OrderEventLine;
import org.commercemesh.order.v1.OrderShipped;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.testing.mail.Mailbox;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.AuthService;
import org.junit.jupiter.api.Test;

import com.google.type.Money;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrderMailerTest {

    @GrpcClient("user")
    AuthService auth;

    @Test
    void givenOrderConfirmedDeliveredTwice_thenTheBuyerGetsOneConfirmationEmail() throws Exception {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String eventId = UUID.randomUUID().toString();
        OrderConfirmed confirmed = OrderConfirmed.newBuilder().setOrderId(UUID.randomUUID().toString())
                .setOrderNumber("ORD-20261125-000042").setUserId(ann.userId().toString())
                .addLines(OrderEventLine.newBuilder().setProductId(UUID.randomUUID().toString()).setQuantity(2))
                .setTotal(Money.newBuilder().setCurrencyCode("THB").setUnits(906)).build();

        OrderShipped later = OrderShipped.newBuilder().setOrderId(confirmed.getOrderId())
                .setOrderNumber(confirmed.getOrderNumber()).setUserId(confirmed.getUserId()).setTrackingNumber("T1")
                .build();

        TestKafka.publish("order.events", confirmed.getOrderId(), eventId, confirmed);
        TestKafka.publish("order.events", confirmed.getOrderId(), eventId, confirmed);
        // Same key, same partition: once the later event's mail is in, both deliveries have been handled.
        TestKafka.publish("order.events", confirmed.getOrderId(), UUID.randomUUID().toString(), later);

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(ann.email()).stream()
                .anyMatch(mail -> Mailbox.subject(mail).endsWith("is on its way")));
        List<MimeMessage> confirmations = Mailbox.to(ann.email()).stream()
                .filter(mail -> Mailbox.subject(mail).endsWith("is confirmed")).toList();
        assertThat(confirmations).hasSize(1);
        assertThat(Mailbox.subject(confirmations.get(0))).isEqualTo("Your order ORD-20261125-000042 is confirmed");
        assertThat(Mailbox.text(confirmations.get(0))).contains("906.00 THB").contains("Hello Ann");
    }

    @Test
    void givenOrderShipped_thenTheBuyerGetsTheTrackingNumber() throws Exception {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        OrderShipped shipped = OrderShipped.newBuilder().setOrderId(UUID.randomUUID().toString())
                .setOrderNumber("ORD-20261125-000043").setUserId(ann.userId().toString())
                .setTrackingNumber("TH123456789").build();

        TestKafka.publish("order.events", shipped.getOrderId(), UUID.randomUUID().toString(), shipped);

        String subject = "Your order ORD-20261125-000043 is on its way";
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(ann.email(), subject).size() == 1);
        assertThat(Mailbox.text(Mailbox.to(ann.email(), subject).get(0))).contains("TH123456789");
    }
}

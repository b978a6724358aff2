package org.commercemesh.user.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.commercemesh.order.v1.OrderCancelled;
import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.order.v1.OrderDelivered;
import org.commercemesh.order.v1.OrderEventLine;
import org.commercemesh.order.v1.OrderRefunded;
import org.commercemesh.order.v1.OrderShipped;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.testing.mail.Mailbox;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.NotificationPreferences;
import org.commercemesh.user.v1.UpdateNotificationPreferencesRequest;
import org.commercemesh.user.v1.UserService;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;
import com.google.type.Money;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrderMailsTest {

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    UserService users;

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
        assertThat(Mailbox.sender(confirmations.get(0))).isEqualTo("orders@commercemesh.example");
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

    @Test
    void givenACancelledAndARefundedOrder_thenTheBuyerIsToldWhy_inHtmlAndText() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String orderId = UUID.randomUUID().toString();

        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(), OrderCancelled.newBuilder()
                .setOrderId(orderId).setOrderNumber("ORD-20261126-000201").setUserId(ann.userId().toString())
                .setReason("OUT_OF_STOCK").build());
        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(), OrderRefunded.newBuilder()
                .setOrderId(orderId).setOrderNumber("ORD-20261126-000201").setUserId(ann.userId().toString())
                .setAmount(Money.newBuilder().setCurrencyCode("THB").setUnits(120).setNanos(500_000_000))
                .setReason("damaged in transit").build());

        MimeMessage cancelled = awaitOne(ann.email(), "Your order ORD-20261126-000201 was cancelled");
        MimeMessage refunded = awaitOne(ann.email(), "Your order ORD-20261126-000201 was refunded");
        assertThat(Mailbox.text(cancelled)).contains("was cancelled: an item ran out of stock; nothing was charged.");
        assertThat(Mailbox.html(cancelled)).contains("<strong>ORD-20261126-000201</strong>");
        assertThat(Mailbox.text(refunded)).contains("we refunded 120.50 THB").contains("(damaged in transit)");
    }

    @Test
    void givenEmailTurnedOff_thenNoOrderMailGoesOut() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        ann.as(users).updateNotificationPreferences(UpdateNotificationPreferencesRequest.newBuilder()
                .setPreferences(NotificationPreferences.newBuilder().setEmailEnabled(false))
                .setUpdateMask(FieldMask.newBuilder().addPaths("email_enabled")).build()).await().atMost(WAIT);
        SignedIn ben = TestAccounts.registerAndLogin(auth);
        String orderId = UUID.randomUUID().toString();

        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(), delivered(ann, orderId));
        // Same key, same partition: once Ben's mail is in, Ann's event was handled.
        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(), delivered(ben, orderId));

        awaitOne(ben.email(), "Your order ORD-20261126-000202 was delivered");
        assertThat(Mailbox.to(ann.email(), "Your order ORD-20261126-000202 was delivered")).isEmpty();
    }

    private static OrderDelivered delivered(SignedIn buyer, String orderId) {
        return OrderDelivered.newBuilder().setOrderId(orderId).setOrderNumber("ORD-20261126-000202")
                .setUserId(buyer.userId().toString())
                .addLines(OrderEventLine.newBuilder().setProductId(UUID.randomUUID().toString()).setQuantity(3))
                .build();
    }

    private static MimeMessage awaitOne(String email, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(email, subject).size() == 1);
        return Mailbox.to(email, subject).get(0);
    }
}

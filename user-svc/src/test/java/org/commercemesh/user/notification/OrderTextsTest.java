package org.commercemesh.user.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.commercemesh.order.v1.OrderCancelled;
import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.order.v1.OrderEventLine;
import org.commercemesh.order.v1.OrderShipped;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.testing.mail.Mailbox;
import org.commercemesh.testing.sms.TwilioApi.Text;
import org.commercemesh.testing.sms.TwilioApiResource;
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
class OrderTextsTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    UserService users;

    @Test
    void givenTextsOn_whenOrderShippedIsDeliveredTwice_thenOneTextWithTheTrackingNumber() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String phone = TestAccounts.verifyPhone(ann, users);
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        OrderShipped shipped = OrderShipped.newBuilder().setOrderId(orderId).setOrderNumber("ORD-20261126-000101")
                .setUserId(ann.userId().toString()).setTrackingNumber("TH555000111").build();
        OrderCancelled sentinel = OrderCancelled.newBuilder().setOrderId(orderId).setOrderNumber("ORD-20261126-000101")
                .setUserId(ann.userId().toString()).setReason("PAYMENT_DECLINED").build();

        TestKafka.publish("order.events", orderId, eventId, shipped);
        TestKafka.publish("order.events", orderId, eventId, shipped);
        // Same key, same partition: once the later event's text is in, both deliveries were handled.
        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(), sentinel);

        await().atMost(EVENTUALLY).until(() -> orderTexts(phone).size() >= 2);
        assertThat(orderTexts(phone)).extracting(Text::body).containsExactly(
                "Order ORD-20261126-000101 is on its way. Tracking: TH555000111.",
                "Order ORD-20261126-000101 was cancelled: the payment was declined; nothing was charged.");
    }

    @Test
    void givenTextsTurnedOff_thenOnlyTheEmailGoesOut() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String phone = TestAccounts.verifyPhone(ann, users);
        ann.as(users).updateNotificationPreferences(UpdateNotificationPreferencesRequest.newBuilder()
                .setPreferences(NotificationPreferences.newBuilder().setSmsEnabled(false))
                .setUpdateMask(FieldMask.newBuilder().addPaths("sms_enabled")).build()).await().atMost(WAIT);
        SignedIn ben = TestAccounts.registerAndLogin(auth);
        String bensPhone = TestAccounts.verifyPhone(ben, users);
        String orderId = UUID.randomUUID().toString();

        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(), confirmed(ann, orderId));
        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(), confirmed(ben, orderId));

        await().atMost(EVENTUALLY).until(() -> orderTexts(bensPhone).size() == 1);
        assertThat(orderTexts(phone)).isEmpty();
        await().atMost(EVENTUALLY).until(() -> Mailbox.to(ann.email(), "Your order ORD-1 is confirmed").size() == 1);
    }

    @Test
    void givenTheGatewayDown_whenAnOrderIsConfirmed_thenTheTextArrivesOnRetry_andTheEmailIsSentOnce() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String phone = TestAccounts.verifyPhone(ann, users);
        String orderId = UUID.randomUUID().toString();

        int refusedBefore = TwilioApiResource.api().refusedInOutages();
        TwilioApiResource.api().outage(true);
        try {
            TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(), confirmed(ann, orderId));
            await().atMost(EVENTUALLY)
                    .until(() -> Mailbox.to(ann.email(), "Your order ORD-1 is confirmed").size() == 1);
            await().atMost(EVENTUALLY).until(() -> TwilioApiResource.api().refusedInOutages() > refusedBefore);
        } finally {
            TwilioApiResource.api().outage(false);
        }

        await().atMost(EVENTUALLY).until(() -> orderTexts(phone).size() == 1);
        assertThat(orderTexts(phone).get(0).body()).isEqualTo("Order ORD-1 is confirmed: 906.00 THB.");
        assertThat(Mailbox.to(ann.email(), "Your order ORD-1 is confirmed")).hasSize(1);
    }

    private static OrderConfirmed confirmed(SignedIn buyer, String orderId) {
        return OrderConfirmed.newBuilder().setOrderId(orderId).setOrderNumber("ORD-1")
                .setUserId(buyer.userId().toString())
                .addLines(OrderEventLine.newBuilder().setProductId(UUID.randomUUID().toString()).setQuantity(1))
                .setTotal(Money.newBuilder().setCurrencyCode("THB").setUnits(906)).build();
    }

    /** The texts to {@code phone} other than its verification code. */
    private static List<Text> orderTexts(String phone) {
        return TwilioApiResource.api().acceptedFor(phone).stream()
                .filter(text -> text.body().startsWith("Order ")).toList();
    }
}

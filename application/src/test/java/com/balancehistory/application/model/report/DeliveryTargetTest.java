package com.balancehistory.application.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryTargetTest {

    @Test
    void a_webhook_is_recorded_without_the_user_info_and_query_tokens_of_its_url() {
        DeliveryTarget.Webhook hook = new DeliveryTarget.Webhook(
                "https://ops:hunter2-password@hooks.example.org:8443/in/abc?token=s3cr3t&x=1#frag",
                "secret-0123456789");

        assertThat(hook.describe())
                .isEqualTo("https://***@hooks.example.org:8443/in/abc?***")
                .doesNotContain("hunter2")
                .doesNotContain("s3cr3t");
        assertThat(hook.toString()).doesNotContain("hunter2").doesNotContain("s3cr3t");
        assertThat(new DeliveryTarget.Webhook("http://127.0.0.1:9/hook", "secret-0123456789").describe())
                .isEqualTo("http://127.0.0.1:9/hook");
    }
}

package org.commercemesh.user;

import org.commercemesh.testing.shape.ServiceShape;
import org.junit.jupiter.api.Test;

class ServiceShapeTest {

    @Test
    void givenTheCompiledService_thenItFollowsTheSkeletonOfDesignSection2() {
        ServiceShape.check("org.commercemesh.user");
    }
}
